import { type EntityType, keyOrder, nameOrder } from '../types';

export const industryType: EntityType = {
  label: 'Industry',
  whereFile: 'entity/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: { nameContains: 'text' },
};
