import { type EntityType, keyOrder, nameOrder } from '../types';

export const companyType: EntityType = {
  label: 'Company',
  whereFile: 'company/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  anchors: [
    { filter: 'region', probe: 'company/probe-region', pattern: '(n:Company)-[:BASED_IN]->(a)' },
    { filter: 'enterpriseType', probe: 'company/probe-type', pattern: '(n:Company)-[:HAS_TYPE]->(a)' },
  ],
  scan: 'company/scan',
  indexedOrders: { NAME: { equal: [], property: 'n.name' } },
  filters: {
    nameContains: 'text',
    region: 'text',
    enterpriseType: 'text',
    industry: 'text',
    hasFilings: 'boolean',
  },
};
