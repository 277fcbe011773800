import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedPaths } from '../entity/selection';
import type { Resolvers } from '../generated/graphql';
import { toGlobalId } from '../graph/ids';
import { entityIdOf } from '../search/service';
import type { Feed, FeedEdge, FeedNode } from './feed';
import { type FeedNeeds, neighborhood, subgraph } from './service';

/** A feed as GraphQL serves it: a scope, and the ids of its nodes and edges within it. */
export type ScopedFeed = Feed & { scope: string; scoped?: (id: string) => string };
/** A feed node or edge with its feed (its scope, and positions computed only if a query asks for x or y). */
export type ScopedNode = FeedNode & { feed: ScopedFeed };
export type ScopedEdge = FeedEdge & { feed: ScopedFeed };

/** What a query selects of a feed: node properties serve captions, properties, entities and positions. */
function feedNeeds(info: GraphQLResolveInfo): FeedNeeds {
  const selected = selectedPaths(info);
  return {
    properties: ['caption', 'properties', 'entity', 'x', 'y'].some((f) => selected.has(`nodes.${f}`)),
    degree: selected.has('nodes.degree'),
    edgeProperties: selected.has('edges.properties'),
    totalEdges: selected.has('totalEdges'),
  };
}

/** The feed's identity: the same question gives the same scope, another question another one. */
const scopeOf = (field: string, args: object) =>
  createHash('sha256')
    .update(JSON.stringify([field, args]))
    .digest('base64url')
    .slice(0, 16);
/**
 * A feed's ids within its scope: toGlobalId('GraphNode', `${scope}|${id}`), each id encoded once
 * per feed (an edge names its ends again). 'GraphNode:' and a 16-character scope and '|' make 27
 * bytes, whole base64 groups, so their encoding is a prefix of every id's and is made once.
 */
export function scoper(scope: string): (id: string) => string {
  const prefix = `GraphNode:${scope}|`;
  const whole = Buffer.byteLength(prefix, 'utf8') % 3 === 0;
  const head = whole ? Buffer.from(prefix, 'utf8').toString('base64url') : '';
  const known = new Map<string, string>();
  return (id) => {
    let out = known.get(id);
    if (out === undefined) {
      out = whole ? head + Buffer.from(id, 'utf8').toString('base64url') : toGlobalId('GraphNode', `${scope}|${id}`);
      known.set(id, out);
    }
    return out;
  };
}
const scoped = (feed: ScopedFeed, id: string) => {
  feed.scoped ??= scoper(feed.scope);
  return feed.scoped(id);
};

export const vizResolvers: Resolvers = {
  Query: {
    neighborhood: async (_p, args, ctx, info) => ({
      ...(await neighborhood(
        ctx.db,
        ctx.meter,
        { ...args, id: await entityIdOf(ctx, args.id, 'id'), audit: ctx.principal !== null },
        feedNeeds(info),
      )),
      scope: scopeOf('neighborhood', args),
    }),
    subgraph: async (_p, args, ctx) => ({
      ...(await subgraph(ctx.db, ctx.meter, { ...args, audit: ctx.principal !== null })),
      scope: scopeOf('subgraph', args),
    }),
  },
  GraphFeed: {
    // The feed's own objects, per request, each given its feed (no copy of each node and edge).
    nodes: (feed) => feed.nodes.map((n) => Object.assign(n, { feed })),
    edges: (feed) => feed.edges.map((e) => Object.assign(e, { feed })),
  },
  GraphNode: {
    id: (n) => scoped(n.feed, n.id),
    entityId: (n) => n.id,
    x: async (n) => ((await n.feed.positions()).get(n.id) ?? { x: 0, y: 0 }).x,
    y: async (n) => ((await n.feed.positions()).get(n.id) ?? { x: 0, y: 0 }).y,
  },
  GraphEdge: {
    id: (e) => scoped(e.feed, e.id),
    source: (e) => scoped(e.feed, e.source),
    target: (e) => scoped(e.feed, e.target),
    sourceEntityId: (e) => e.source,
    targetEntityId: (e) => e.target,
  },
};
