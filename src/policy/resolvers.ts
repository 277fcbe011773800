import { ENTITY_KINDS } from '../entity/catalog';
import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { fromEntityId } from '../graph/ids';
import { links } from '../path/service';
import { entityIdOf } from '../search/service';
import { companyKeyOf, companyPolicies } from './service';

export const policyResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Policy, 'policy', 'policies'),
    companyPolicies: async (_p, args, ctx) =>
      companyPolicies(ctx, await companyKeyOf(ctx, args.company, 'company'), args),
    // links lives here, not in path/: from a company to policies the rules answer; any other link
    // is walked (path/ stays below policy/, which uses its explanations).
    links: async (_p, args, ctx) => {
      const id = await entityIdOf(ctx, args.from, 'from');
      const from = fromEntityId(id, 'from');
      return args.targetType === 'Policy' && from.label === 'Company'
        ? companyPolicies(ctx, from.key, args)
        : links(ctx.db, ctx.meter, { ...args, from: id });
    },
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
