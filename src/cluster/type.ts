import { keyOrder, nameOrder, type EntityType } from '../entity/types';

export const clusterType: EntityType = {
  label: 'Cluster',
  whereFile: 'entity/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: { nameContains: 'text' },
};
