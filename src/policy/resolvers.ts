import { ENTITY_KINDS } from '../entity/catalog';
import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { companyKeyOf, companyPolicies } from './service';

export const policyResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Policy, 'policy', 'policies'),
    companyPolicies: async (_p, args, ctx) =>
      companyPolicies(ctx, await companyKeyOf(ctx, args.company, 'company'), args),
  },
  Policy: {
    ...entityFields('Policy'),
    promotesIndustries: relationField('Policy', { type: 'PROMOTES', direction: 'OUT', target: ENTITY_KINDS.Industry }),
    promotesModels: relationField('Policy', { type: 'PROMOTES', direction: 'OUT', target: ENTITY_KINDS.Model }),
    regulatesIndustries: relationField('Policy', {
      type: 'REGULATES',
      direction: 'OUT',
      target: ENTITY_KINDS.Industry,
    }),
    regions: relationField('Policy', { type: 'APPLIES_TO', direction: 'OUT', target: ENTITY_KINDS.Region }),
    mentionedIn: relationField('Policy', { type: 'MENTIONS', direction: 'IN', target: ENTITY_KINDS.Insight }),
  },
};
