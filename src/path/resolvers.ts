import type { Context } from '../entity/context';
import { loadSources, relationshipProperties } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { entityIdOf } from '../search/service';
import { explainPath } from './explain';
import { shortestPaths } from './service';

/** A path's two ends, each an id or a name (resolved together: one round trip each at most). */
async function ends(ctx: Context, args: { from: string; to: string }) {
  const [from, to] = await Promise.all([entityIdOf(ctx, args.from, 'from'), entityIdOf(ctx, args.to, 'to')]);
  return { from, to };
}

export const pathResolvers: Resolvers = {
  Query: {
    shortestPath: async (_p, args, ctx) =>
      (await shortestPaths(ctx.db, ctx.meter, { ...args, ...(await ends(ctx, args)), k: 1 }))[0] ?? null,
    shortestPaths: async (_p, args, ctx) => shortestPaths(ctx.db, ctx.meter, { ...args, ...(await ends(ctx, args)) }),
  },
  Path: {
    length: (path) => path.rels.length,
    steps: (path) => path.rels.map((rel, i) => ({ rel, from: path.nodes[i], to: path.nodes[i + 1] })),
    explanation: (path) => explainPath(path.nodes, path.rels, 'zh'),
    explanationEn: (path) => explainPath(path.nodes, path.rels, 'en'),
    walk: (path) => path.walk ?? 'MEANINGFUL',
  },
  PathStep: {
    type: (step) => step.rel.__type,
    forward: (step) => step.rel.__forward === true,
    properties: (step, _a, ctx) => relationshipProperties(step.rel, ctx),
    sources: (step, _a, ctx) => loadSources(ctx, step.rel.sourceKeys),
  },
};
