import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { industryType } from '../industry/type';
import { insightType } from '../insight/type';
import { modelType } from '../model/type';
import { regionType } from '../region/type';
import { policyType } from './type';

export const policyResolvers: Resolvers = {
  Query: {
    ...entityQueries(policyType, 'policy', 'policies'),
  },
  Policy: {
    ...entityFields('Policy'),
    promotesIndustries: relationField('Policy', { type: 'PROMOTES', direction: 'OUT', target: industryType }),
    promotesModels: relationField('Policy', { type: 'PROMOTES', direction: 'OUT', target: modelType }),
    regulatesIndustries: relationField('Policy', { type: 'REGULATES', direction: 'OUT', target: industryType }),
    regions: relationField('Policy', { type: 'APPLIES_TO', direction: 'OUT', target: regionType }),
    mentionedIn: relationField('Policy', { type: 'MENTIONS', direction: 'IN', target: insightType }),
  },
};
