import { loadSources, relationshipProperties } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { explainPath } from './explain';
import { shortestPaths } from './service';

export const pathResolvers: Resolvers = {
  Query: {
    shortestPath: async (_p, args, ctx) => (await shortestPaths(ctx.db, ctx.meter, { ...args, k: 1 }))[0] ?? null,
    shortestPaths: (_p, args, ctx) => shortestPaths(ctx.db, ctx.meter, args),
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
