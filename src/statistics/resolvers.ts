import type { Resolvers } from '../generated/graphql';
import { breakdown, overTime, timeline } from './service';

export const statisticsResolvers: Resolvers = {
  Query: {
    filingsByRegion: (_p, args, ctx) => breakdown(ctx.db, ctx.meter, 'region', args.rankBy ?? 'STATED'),
    filingsByCluster: (_p, args, ctx) => breakdown(ctx.db, ctx.meter, 'cluster', args.rankBy ?? 'STATED'),
    filingsByIndustry: (_p, args, ctx) => breakdown(ctx.db, ctx.meter, 'industry', args.rankBy ?? 'STATED'),
    filingsByScenario: (_p, args, ctx) => breakdown(ctx.db, ctx.meter, 'scenario', args.rankBy ?? 'STATED'),
    filingsByEnterpriseType: (_p, args, ctx) => breakdown(ctx.db, ctx.meter, 'enterpriseType', args.rankBy ?? 'STATED'),
    filingsOverTime: (_p, args, ctx) => overTime(ctx.db, ctx.meter, args.granularity ?? 'MONTH'),
    filingTimeline: (_p, _args, ctx) => timeline(ctx.db, ctx.meter),
  },
};
