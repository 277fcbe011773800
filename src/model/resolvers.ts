import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { EntityRow } from '../entity/rows';
import type { Resolvers } from '../generated/graphql';
import { companyType } from '../company/type';
import { industryType } from '../industry/type';
import { insightType } from '../insight/type';
import { policyType } from '../policy/type';
import { regionType } from '../region/type';
import { scenarioType } from '../scenario/type';
import { modelType } from './type';

export const modelResolvers: Resolvers = {
  Query: {
    ...entityQueries(modelType, 'model', 'models'),
    modelByFilingNumber: async (_p, args, ctx) => {
      const rows = await ctx.loaders.grouped('model/by-filing-numbers', {}, {}, (r) => r.row as EntityRow).load(args.filingNumber.trim());
      return rows[0] ?? null;
    },
  },
  Model: {
    ...entityFields('Model'),
    synthetic: (row) => row.synthetic === true,
    developers: relationField('Model', { type: 'DEVELOPS', direction: 'IN', target: companyType }),
    filedIn: relationField('Model', { type: 'FILED_IN', direction: 'OUT', target: regionType }),
    industries: relationField('Model', { type: 'SERVES', direction: 'OUT', target: industryType }),
    scenarios: relationField('Model', { type: 'APPLIED_IN', direction: 'OUT', target: scenarioType }),
    insights: relationField('Model', { type: 'EXEMPLIFIES', direction: 'OUT', target: insightType }),
    promotedBy: relationField('Model', { type: 'PROMOTES', direction: 'IN', target: policyType }),
  },
};
