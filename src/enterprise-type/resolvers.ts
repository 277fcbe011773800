import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { companyType } from '../company/type';
import { enterpriseTypeType } from './type';

export const enterpriseTypeResolvers: Resolvers = {
  Query: {
    ...entityQueries(enterpriseTypeType, 'enterpriseType', 'enterpriseTypes'),
  },
  EnterpriseType: {
    ...entityFields('EnterpriseType'),
    companies: relationField('EnterpriseType', { type: 'HAS_TYPE', direction: 'IN', target: companyType }),
  },
};
