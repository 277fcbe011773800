import { keyOrder, nameOrder, nullableOrder, type EntityType } from '../entity/types';

export const modelType: EntityType = {
  label: 'Model',
  whereFile: 'model/where',
  orderFields: { NAME: nameOrder, FILING_DATE: nullableOrder('n.filingDate'), KEY: keyOrder },
  defaultOrder: 'NAME',
  anchors: [
    { filter: 'region', probe: 'model/probe-region', expand: 'model/expand-region' },
    { filter: 'company', probe: 'model/probe-company', expand: 'model/expand-company' },
    { filter: 'industry', probe: 'model/probe-industry', expand: 'model/expand-industry' },
  ],
  scan: 'model/scan',
  indexedOrders: { NAME: { equal: ['n.synthetic'], property: 'n.name' } },
  filters: { nameContains: 'text', region: 'text', company: 'text', industry: 'text', scenario: 'text', filedFrom: 'date', filedTo: 'date', hasFilingNumber: 'boolean', synthetic: 'boolean' },
};
