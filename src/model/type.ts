import { keyOrder, nameOrder, nullableOrder, type EntityType } from '../entity/types';

export const modelType: EntityType = {
  label: 'Model',
  whereFile: 'model/where',
  orderFields: { NAME: nameOrder, FILING_DATE: nullableOrder('n.filingDate'), KEY: keyOrder },
  defaultOrder: 'NAME',
  anchors: [
    ['region', 'model/anchor-region'],
    ['company', 'model/anchor-company'],
    ['industry', 'model/anchor-industry'],
  ],
  defaultAnchor: 'model/anchor-all',
  filters: { nameContains: 'text', region: 'text', company: 'text', industry: 'text', scenario: 'text', filedFrom: 'date', filedTo: 'date', hasFilingNumber: 'boolean', synthetic: 'boolean' },
};
