import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { EntityRow } from '../entity/rows';
import { AppError, badInput, ErrorCode, intArgument } from '../errors';
import { fromEntityId } from '../graph/ids';
import { REL_TYPES } from '../graph/vocabulary';
import { asOfSlot, pathFilter } from '../path/service';
import { type Feed, type FeedEdgeRow, toFeed } from './feed';

export const MAX_DEPTH = 3;
export const MAX_NEIGHBORHOOD = 500;
export const MAX_SUBGRAPH = 200;

function checkedTypes(types: readonly string[] | null | undefined): string[] {
  for (const t of types ?? [])
    if (!Object.hasOwn(REL_TYPES, t) || t === 'ABOUT') throw badInput('types', `has unknown relationship type ${t}`);
  return pathFilter({ allowedRelationships: types }).types;
}

type FeedRows = { nodes: EntityRow[]; edges: FeedEdgeRow[]; totalNodes: number; totalEdges: number };
const EMPTY: FeedRows = { nodes: [], edges: [], totalNodes: 0, totalEdges: 0 };

export async function neighborhood(
  db: Database,
  meter: QueryMeter,
  args: {
    id: string;
    depth?: number | null;
    limit?: number | null;
    types?: readonly string[] | null;
    audit?: boolean;
    asOf?: string | null;
  },
): Promise<Feed> {
  const centre = fromEntityId(args.id, 'id');
  const depth = intArgument('depth', args.depth ?? 1, 1, MAX_DEPTH);
  const limit = intArgument('limit', args.limit ?? 100, 1, MAX_NEIGHBORHOOD);
  const slots = { label: centre.label, depth: String(depth), asOf: asOfSlot(args.asOf) };
  const params = {
    key: centre.key,
    limit,
    asOf: args.asOf ?? null,
    types: checkedTypes(args.types),
    labels: pathFilter({}).labels,
  };
  const [row] = await db.read<FeedRows>(cypher('viz/neighborhood', slots), params, { meter });
  // The centre is always in its own neighbourhood: no row means the id names nothing.
  if (!row)
    throw new AppError(ErrorCode.NOT_FOUND, `Argument "id" names no ${centre.label}: nothing has that id`, {
      argument: 'id',
    });
  return toFeed(row, args.audit);
}

export async function subgraph(
  db: Database,
  meter: QueryMeter,
  args: { ids: readonly string[]; types?: readonly string[] | null; audit?: boolean; asOf?: string | null },
): Promise<Feed> {
  if (args.ids.length > MAX_SUBGRAPH)
    throw badInput('ids', `must hold at most ${MAX_SUBGRAPH} ids`, { value: args.ids.length });
  const refs = args.ids.map((id, i) => fromEntityId(id, `ids[${i}]`));
  const [row] = await db.read<FeedRows>(
    cypher('viz/subgraph', { asOf: asOfSlot(args.asOf) }),
    { refs, asOf: args.asOf ?? null, types: checkedTypes(args.types) },
    { meter },
  );
  return toFeed(row ?? EMPTY, args.audit);
}
