import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { enterpriseTypeType } from '../enterprise-type/type';
import { insightType } from '../insight/type';
import { modelType } from '../model/type';
import { regionType } from '../region/type';
import { companyType } from './type';

export const companyResolvers: Resolvers = {
  Query: {
    ...entityQueries(companyType, 'company', 'companies'),
  },
  Company: {
    ...entityFields('Company'),
    models: relationField('Company', { type: 'DEVELOPS', direction: 'OUT', target: modelType }),
    regions: relationField('Company', { type: 'BASED_IN', direction: 'OUT', target: regionType }),
    enterpriseTypes: relationField('Company', { type: 'HAS_TYPE', direction: 'OUT', target: enterpriseTypeType }),
    mentionedIn: relationField('Company', { type: 'MENTIONS', direction: 'IN', target: insightType }),
  },
};
