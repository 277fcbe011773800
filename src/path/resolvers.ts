import { loadSources, relationshipProperties } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { fromEntityId } from '../graph/ids';
import { companyPolicies } from '../policy/service';
import { explainPath } from './explain';
import { links, shortestPaths } from './service';

export const pathResolvers: Resolvers = {
  Query: {
    shortestPath: async (_p, args, ctx) => (await shortestPaths(ctx.db, ctx.meter, { ...args, k: 1 }))[0] ?? null,
    shortestPaths: (_p, args, ctx) => shortestPaths(ctx.db, ctx.meter, args),
    // From a company to policies, the rules answer (src/policy/applicability.ts); any other link is walked.
    links: (_p, args, ctx) =>
      args.targetType === 'Policy' && fromEntityId(args.from, 'from').label === 'Company'
        ? companyPolicies(ctx, fromEntityId(args.from, 'from').key, args)
        : links(ctx.db, ctx.meter, args),
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
