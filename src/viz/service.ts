import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { EntityRow } from '../entity/rows';
import { AppError, badInput, ErrorCode, intArgument } from '../errors';
import { fromEntityId } from '../graph/ids';
import { REL_TYPES } from '../graph/vocabulary';
import { asOfSlot, pathFilter } from '../walk/scope';
import { unsampled, type WalkScope } from '../walk/walk';
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

/** What a query selects of a feed, so the rest is never computed (the HTTP feeds take everything). */
export interface FeedNeeds {
  /** Node properties: for captions, properties, entities and positions. */
  properties: boolean;
  degree: boolean;
  /** Relationship properties. */
  edgeProperties: boolean;
  /** The relationships among everything reached (each reached node is then expanded once more). */
  totalEdges: boolean;
}
export const EVERYTHING: FeedNeeds = { properties: true, degree: true, edgeProperties: true, totalEdges: true };

/**
 * The nodes within `depth` hops of a centre, nearest first (then by key), and the
 * relationships among the first `limit` of them. The walk never expands a hub's whole
 * fan-out (src/walk/walk.ts): the centre takes at most `limit` members of each of its hub
 * groups, and hubs further out are reached but not expanded; the feed then says it is
 * truncated. Degrees, properties and the total of relationships are read only when asked for.
 */
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
  needs: FeedNeeds = EVERYTHING,
): Promise<Feed> {
  const centre = fromEntityId(args.id, 'id');
  const depth = intArgument('depth', args.depth ?? 1, 1, MAX_DEPTH);
  const limit = intArgument('limit', args.limit ?? 100, 1, MAX_NEIGHBORHOOD);
  const scope = {
    types: checkedTypes(args.types),
    labels: pathFilter({}).labels,
    asOf: args.asOf ?? null,
    asOfSlot: asOfSlot(args.asOf),
  };
  return db.walk(meter, () => walkNeighborhood(db, meter, args, needs, { centre, depth, limit, scope }));
}

/**
 * The walk, the choice of nodes, the relationships among them and the totals in one statement
 * (viz/neighborhood.cypher): one round trip, and only the answer leaves the database.
 */
async function walkNeighborhood(
  db: Database,
  meter: QueryMeter,
  args: { audit?: boolean },
  needs: FeedNeeds,
  {
    centre,
    depth,
    limit,
    scope,
  }: { centre: { label: string; key: string }; depth: number; limit: number; scope: WalkScope },
): Promise<Feed> {
  const read = async (totalEdges: boolean) =>
    (
      await db.read<FeedRows & { present: boolean; totalEdges: number | null; sampled: boolean }>(
        cypher('viz/neighborhood', {
          asOf: scope.asOfSlot,
          ring2: depth >= 2 ? 'viz/neighborhood-ring' : 'viz/neighborhood-no-ring',
          ring3: depth >= 3 ? 'viz/neighborhood-ring' : 'viz/neighborhood-no-ring',
        }),
        {
          fromLabel: centre.label,
          from: centre.key,
          limit,
          rows: db.walkRows,
          props: needs.properties,
          degrees: needs.degree,
          edgeProps: needs.edgeProperties,
          totalEdges,
          ...unsampled(scope),
          take: limit,
          keepKeys: [centre.key],
        },
        { meter },
      )
    )[0];
  const row = await read(needs.totalEdges);
  // The centre is always in its own neighbourhood: no row means the id names nothing; a centre
  // that did not exist yet as of the date asked for has an empty neighbourhood.
  if (!row)
    throw new AppError(ErrorCode.NOT_FOUND, `Argument "id" names no ${centre.label}: nothing has that id`, {
      argument: 'id',
    });
  const counted = row.totalEdges;
  return toFeed(
    {
      nodes: row.nodes,
      edges: row.edges,
      totalNodes: Number(row.totalNodes),
      // Counted in the statement when the query selected it; asked again otherwise.
      totalEdges: counted === null ? async () => Number((await read(true))?.totalEdges ?? 0) : Number(counted),
      sampled: row.sampled,
    },
    args.audit,
  );
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
    {
      refs,
      ...unsampled({
        types: checkedTypes(args.types),
        labels: pathFilter({}).labels,
        asOf: args.asOf ?? null,
        asOfSlot: asOfSlot(args.asOf),
      }),
    },
    { meter },
  );
  return toFeed(row ?? EMPTY, args.audit);
}
