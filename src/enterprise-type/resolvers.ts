import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { companyType } from '../company/type';
import { modelType } from '../model/type';
import { enterpriseTypeType } from './type';

export const enterpriseTypeResolvers: Resolvers = {
  Query: {
    ...entityQueries(enterpriseTypeType, 'enterpriseType', 'enterpriseTypes'),
  },
  EnterpriseType: {
    ...entityFields('EnterpriseType'),
    typicalCases: (row) => (row.typicalCases as string[] | undefined) ?? [],
    companies: relationField('EnterpriseType', { type: 'HAS_TYPE', direction: 'IN', target: companyType }),
    models: relationField('EnterpriseType', { type: 'EXEMPLIFIES', direction: 'IN', target: modelType }),
  },
};
