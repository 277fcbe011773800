import { type EntityType, keyOrder, nameOrder } from '../types';

export const enterpriseTypeType: EntityType = {
  label: 'EnterpriseType',
  whereFile: 'entity/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: { nameContains: 'text' },
};
