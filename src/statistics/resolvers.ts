import type { Context } from '../entity/context';
import type { Resolvers } from '../generated/graphql';
import { breakdown, changes, overTime, timeline } from './service';

const cached = <T>(ctx: Context, key: unknown[], compute: () => Promise<T>) =>
  ctx.cache.get(ctx.db, ctx.meter, JSON.stringify(key), compute);

export const statisticsResolvers: Resolvers = {
  Query: {
    changes: (_p, args, ctx) =>
      cached(ctx, ['changes', args.from, args.to, args.first], () => changes(ctx.db, ctx.meter, args)),
    filingsByRegion: (_p, args, ctx) =>
      cached(ctx, ['region', args.rankBy, args.asOf], () =>
        breakdown(ctx.db, ctx.meter, 'region', args.rankBy ?? 'STATED', args.asOf ?? null),
      ),
    filingsByCluster: (_p, args, ctx) =>
      cached(ctx, ['cluster', args.rankBy, args.asOf], () =>
        breakdown(ctx.db, ctx.meter, 'cluster', args.rankBy ?? 'STATED', args.asOf ?? null),
      ),
    filingsByIndustry: (_p, args, ctx) =>
      cached(ctx, ['industry', args.rankBy, args.asOf], () =>
        breakdown(ctx.db, ctx.meter, 'industry', args.rankBy ?? 'STATED', args.asOf ?? null),
      ),
    filingsByScenario: (_p, args, ctx) =>
      cached(ctx, ['scenario', args.rankBy, args.asOf], () =>
        breakdown(ctx.db, ctx.meter, 'scenario', args.rankBy ?? 'STATED', args.asOf ?? null),
      ),
    filingsByEnterpriseType: (_p, args, ctx) =>
      cached(ctx, ['enterpriseType', args.rankBy, args.asOf], () =>
        breakdown(ctx.db, ctx.meter, 'enterpriseType', args.rankBy ?? 'STATED', args.asOf ?? null),
      ),
    filingsOverTime: (_p, args, ctx) =>
      cached(ctx, ['overTime', args.granularity, args.asOf], () =>
        overTime(ctx.db, ctx.meter, args.granularity ?? 'MONTH', args.asOf ?? null),
      ),
    filingTimeline: (_p, args, ctx) =>
      cached(ctx, ['timeline', args.asOf ?? ''], () => timeline(ctx.db, ctx.meter, args.asOf ?? null)),
  },
};
