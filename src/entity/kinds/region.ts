import { type EntityType, keyOrder, nameOrder, nullableOrder } from '../types';

export const regionType: EntityType = {
  label: 'Region',
  whereFile: 'region/where',
  orderFields: { NAME: nameOrder, CODE: nullableOrder('n.code'), KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: {
    nameContains: 'text',
    kind: { enum: ['COUNTRY', 'MUNICIPALITY', 'PROVINCE', 'AUTONOMOUS_REGION', 'CENTRAL_SOE', 'CITY'] },
    cluster: 'text',
  },
};
