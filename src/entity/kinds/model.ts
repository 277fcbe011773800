import { type EntityType, keyOrder, nameOrder, nullableOrder } from '../types';

export const modelType: EntityType = {
  label: 'Model',
  whereFile: 'model/where',
  orderFields: { NAME: nameOrder, FILING_DATE: nullableOrder('n.filingDate'), KEY: keyOrder },
  defaultOrder: 'NAME',
  anchors: [
    { filter: 'region', probe: 'model/probe-region', pattern: '(n:Model)-[:FILED_IN]->(a)' },
    { filter: 'company', probe: 'model/probe-company', pattern: '(a)-[:DEVELOPS]->(n:Model)' },
    { filter: 'industry', probe: 'model/probe-industry', pattern: '(n:Model)-[:SERVES]->(a)' },
  ],
  scan: 'model/scan',
  indexedOrders: {
    NAME: { equal: [], property: 'n.name' },
    // Newest or oldest filings first, undated ones last either way (nullableOrder).
    FILING_DATE: {
      equal: [],
      property: 'n.filingDate',
      scan: 'model/scan-filing-date',
      unset: { test: 'n.filingDate IS NULL', when: '($where.filedFrom IS NULL AND $where.filedTo IS NULL)' },
    },
  },
  filters: {
    nameContains: 'text',
    region: 'text',
    company: 'text',
    industry: 'text',
    scenario: 'text',
    filedFrom: 'date',
    filedTo: 'date',
    hasFilingNumber: 'boolean',
  },
};
