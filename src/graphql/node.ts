import type { ClaimRow } from '../claim/rows';
import type { Context } from '../entity/context';
import type { EntityRow } from '../entity/rows';
import type { Resolvers } from '../generated/graphql';
import { fromGlobalId } from '../graph/ids';
import { LABELS, type Label } from '../graph/vocabulary';

async function loadNode(id: string, ctx: Context, argument: string): Promise<EntityRow | ClaimRow | null> {
  const { type, key } = fromGlobalId(id, argument);
  if (!(LABELS as readonly string[]).includes(type)) return null;
  return ctx.loaders.byKey(type as Label).load(key) as Promise<EntityRow | ClaimRow | null>;
}

const resolveType = (row: { __label: string }) => row.__label as never;

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_p, args, ctx) => loadNode(args.id, ctx, 'id'),
    nodes: (_p, args, ctx) => Promise.all(args.ids.map((id, i) => loadNode(id, ctx, `ids[${i}]`))),
  },
  Node: { __resolveType: resolveType },
  Entity: { __resolveType: resolveType },
};
