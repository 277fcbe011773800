import { type EntityType, keyOrder, nameOrder, nullableOrder } from '../types';

export const policyType: EntityType = {
  label: 'Policy',
  whereFile: 'policy/where',
  orderFields: { NAME: nameOrder, ISSUED_ON: nullableOrder('n.issuedOn'), KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: {
    nameContains: 'text',
    level: { enum: ['NATIONAL', 'LOCAL'] },
    issuedFrom: 'date',
    issuedTo: 'date',
    region: 'text',
  },
};
