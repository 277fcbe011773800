import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { EntityRow, RelRow } from '../entity/rows';
import { AppError, badInput, ErrorCode, intArgument } from '../errors';
import { fromEntityId } from '../graph/ids';
import { REL_TYPES } from '../graph/vocabulary';
import { asOfSlot, pathFilter } from '../walk/scope';
import { details, type Explored, explore, ringCount, unsampled, type WalkScope } from '../walk/walk';
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
  /** The relationships among everything reached (the outermost ring is then read out, not only counted). */
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

async function walkNeighborhood(
  db: Database,
  meter: QueryMeter,
  args: { audit?: boolean; asOf?: string | null },
  needs: FeedNeeds,
  {
    centre,
    depth,
    limit,
    scope,
  }: { centre: { label: string; key: string }; depth: number; limit: number; scope: WalkScope },
): Promise<Feed> {
  // When the rings walked so far already hold `limit` nodes, the outermost ring adds only to
  // the total: it is counted by the database instead of read out.
  let counted = false;
  const g = await explore(db, meter, scope, {
    fromLabel: centre.label,
    from: centre.key,
    toward: 'none',
    levels: { a: depth, b: 0 },
    sample: limit,
    // The same rule as `done` below, for the second ring taken in the first statement.
    stopAt: !needs.totalEdges && depth === 2 ? limit : undefined,
    done: (seen, levels) => {
      counted = !needs.totalEdges && depth > 1 && levels.a === depth - 1 && seen.distance.a.size >= limit;
      return counted;
    },
  });
  // The centre is always in its own neighbourhood: nothing found means the id names nothing,
  // or something that did not exist yet as of the date asked for (an empty neighbourhood).
  if (!g) {
    if (
      args.asOf &&
      (await db.read(cypher('entity/by-keys', { label: centre.label }), { keys: [centre.key] }, { meter }))[0]?.row
    )
      return toFeed({ nodes: [], edges: [], totalNodes: 0, totalEdges: async () => 0, sampled: false }, args.audit);
    throw new AppError(ErrorCode.NOT_FOUND, `Argument "id" names no ${centre.label}: nothing has that id`, {
      argument: 'id',
    });
  }
  const info = (id: string) => g.nodes.get(id) ?? { label: '', key: '' };
  const outer = counted ? await ringCount(db, meter, scope, g.frontier('a', depth - 1), [...g.distance.a.keys()]) : 0;
  const reached = [...g.distance.a].sort(
    ([x, dx], [y, dy]) => dx - dy || (info(x).key < info(y).key ? -1 : info(x).key > info(y).key ? 1 : 0),
  );
  const kept = reached.slice(0, limit);
  const keptIds = kept.map(([id]) => id);
  const keptSet = new Set(keptIds);
  // The outermost ring was never expanded: its relationships among the kept nodes are read now.
  const closing = kept.filter(([, d]) => d === depth).map(([id]) => id);
  const known = edgesAmong(g, keptSet);
  const d = await details(db, meter, scope, {
    nodes: needs.properties || needs.degree ? keptIds : [],
    rels: [],
    degrees: needs.degree,
    props: needs.properties,
    closing,
    among: keptIds,
  });
  for (const c of d.closing) {
    if (c.rel === null || c.to === null || c.type === null) continue;
    g.link(c.from, { rel: c.rel, to: c.to, type: c.type, forward: Boolean(c.forward) });
  }
  const edges = edgesAmong(g, keptSet, known);
  const relProps = needs.edgeProperties
    ? (await details(db, meter, scope, { nodes: [], rels: [...edges.keys()], degrees: false, props: false })).rels
    : new Map<string, RelRow>();
  const nodeRow = (id: string, distance: number): EntityRow => {
    const n = info(id);
    const read = d.nodes.get(id);
    return {
      ...(read?.node ?? { name: n.key }),
      __label: n.label,
      key: n.key,
      __distance: distance,
      __degree: read?.degree ?? 0,
    };
  };
  const edgeRows: FeedEdgeRow[] = [...edges].map(([rel, e]) => ({
    ...(relProps.get(rel) ?? {}),
    __type: e.type,
    __fromLabel: info(e.from).label,
    __from: info(e.from).key,
    __toLabel: info(e.to).label,
    __to: info(e.to).key,
  }));
  // Relationships among everything reached, counted only when asked for: the outer ring of
  // the whole walk is expanded for it.
  const totalEdges = async () => {
    if (kept.length === reached.length) return edgeRows.length;
    const ring = reached.filter(([, dist]) => dist === depth).map(([id]) => id);
    const all = new Set(reached.map(([id]) => id));
    const more = await details(db, meter, scope, {
      nodes: [],
      rels: [],
      degrees: false,
      props: false,
      closing: ring,
      among: [...all],
    });
    for (const c of more.closing)
      if (c.rel !== null && c.to !== null && c.type !== null)
        g.link(c.from, { rel: c.rel, to: c.to, type: c.type, forward: Boolean(c.forward) });
    return edgesAmong(g, all).size;
  };
  return toFeed(
    {
      nodes: kept.map(([id, dist]) => nodeRow(id, dist)),
      edges: edgeRows,
      totalNodes: reached.length + outer,
      totalEdges,
      sampled: g.sampled,
    },
    args.audit,
  );
}

/** Relationships the walk has seen between nodes of `among`, by relationship id, each once, in its own direction. */
function edgesAmong(
  g: Explored,
  among: ReadonlySet<string>,
  into = new Map<string, { from: string; to: string; type: string }>(),
): Map<string, { from: string; to: string; type: string }> {
  for (const id of among)
    for (const s of g.steps.get(id) ?? [])
      if (s.forward && among.has(s.to) && !into.has(s.rel)) into.set(s.rel, { from: id, to: s.to, type: s.type });
  return into;
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
