import { ENTITY_KINDS } from '../entity/catalog';
import { entityFields, entityQueries, relationField, storedList } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';

export const enterpriseTypeResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.EnterpriseType, 'enterpriseType', 'enterpriseTypes'),
  },
  EnterpriseType: {
    ...entityFields('EnterpriseType'),
    typicalCases: storedList('typicalCases'),
    companies: relationField('EnterpriseType', { type: 'HAS_TYPE', direction: 'IN', target: ENTITY_KINDS.Company }),
    models: relationField('EnterpriseType', { type: 'EXEMPLIFIES', direction: 'IN', target: ENTITY_KINDS.Model }),
  },
};
