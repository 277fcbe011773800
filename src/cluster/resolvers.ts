import { ENTITY_KINDS } from '../entity/catalog';
import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';

export const clusterResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Cluster, 'cluster', 'clusters'),
  },
  Cluster: {
    ...entityFields('Cluster'),
    regions: relationField('Cluster', { type: 'PART_OF', direction: 'IN', target: ENTITY_KINDS.Region }),
  },
};
