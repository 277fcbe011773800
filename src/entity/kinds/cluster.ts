import { type EntityType, keyOrder, nameOrder } from '../types';

export const clusterType: EntityType = {
  label: 'Cluster',
  whereFile: 'entity/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: { nameContains: 'text' },
};
