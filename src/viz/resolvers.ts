import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedPaths } from '../entity/selection';
import type { Resolvers } from '../generated/graphql';
import { toGlobalId } from '../graph/ids';
import { entityIdOf } from '../search/service';
import type { Feed, FeedEdge, FeedNode } from './feed';
import { type FeedNeeds, neighborhood, subgraph } from './service';

/** A feed as GraphQL serves it: its nodes and edges carry the feed's scope. */
export type ScopedFeed = Feed & { scope: string };
/** A feed node with its feed's scope, and its position computed only if a query asks for x or y. */
export type ScopedNode = FeedNode & { scope: string; place: () => Promise<{ x: number; y: number }> };
export type ScopedEdge = FeedEdge & { scope: string };

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
const scoped = (scope: string, id: string) => toGlobalId('GraphNode', `${scope}|${id}`);

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
    nodes: (feed) =>
      feed.nodes.map((n) => ({
        ...n,
        scope: feed.scope,
        place: async () => (await feed.positions()).get(n.id) ?? { x: 0, y: 0 },
      })),
    edges: (feed) => feed.edges.map((e) => ({ ...e, scope: feed.scope })),
  },
  GraphNode: {
    id: (n) => scoped(n.scope, n.id),
    entityId: (n) => n.id,
    x: async (n) => (await n.place()).x,
    y: async (n) => (await n.place()).y,
  },
  GraphEdge: {
    id: (e) => scoped(e.scope, e.id),
    source: (e) => scoped(e.scope, e.source),
    target: (e) => scoped(e.scope, e.target),
    sourceEntityId: (e) => e.source,
    targetEntityId: (e) => e.target,
  },
};
