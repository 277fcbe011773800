import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { regionType } from '../region/type';
import { clusterType } from './type';

export const clusterResolvers: Resolvers = {
  Query: {
    ...entityQueries(clusterType, 'cluster', 'clusters'),
  },
  Cluster: {
    ...entityFields('Cluster'),
    regions: relationField('Cluster', { type: 'PART_OF', direction: 'IN', target: regionType }),
  },
};
