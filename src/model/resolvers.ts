import { ENTITY_KINDS } from '../entity/catalog';
import { reads } from '../entity/projection';
import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { EntityRow } from '../entity/rows';
import type { Resolvers } from '../generated/graphql';

export const modelResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Model, 'model', 'models'),
    modelByFilingNumber: async (_p, args, ctx) => {
      const rows = await ctx.loaders
        .grouped('model/by-filing-numbers', {}, {}, (r) => r.row as EntityRow)
        .load(args.filingNumber.trim());
      return rows[0] ?? null;
    },
  },
  Model: {
    ...entityFields('Model'),
    nameGiven: reads(['nameGiven'], (model) => (model as EntityRow).nameGiven !== false),
    developers: relationField('Model', { type: 'DEVELOPS', direction: 'IN', target: ENTITY_KINDS.Company }),
    filedIn: relationField('Model', { type: 'FILED_IN', direction: 'OUT', target: ENTITY_KINDS.Region }),
    industries: relationField('Model', { type: 'SERVES', direction: 'OUT', target: ENTITY_KINDS.Industry }),
    scenarios: relationField('Model', { type: 'APPLIED_IN', direction: 'OUT', target: ENTITY_KINDS.Scenario }),
    insights: relationField('Model', { type: 'EXEMPLIFIES', direction: 'OUT', target: ENTITY_KINDS.Insight }),
    promotedBy: relationField('Model', { type: 'PROMOTES', direction: 'IN', target: ENTITY_KINDS.Policy }),
  },
};
