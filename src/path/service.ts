import { cypher } from '../db/cypher';
import type { Database, QueryMeter, Row } from '../db/database';
import type { EntityRow, RelRow } from '../entity/rows';
import { badInput, intArgument } from '../errors';
import { fromEntityId } from '../graph/ids';
import { ENTITY_LABELS, REL_TYPES } from '../graph/vocabulary';
import type { LinkRow, PathRow } from './rows';

export const MAX_HOPS = 6;
export const MAX_K = 10;
export const MAX_LINKS = 100;
/** Relationships a path may walk by default: every entity relationship (claims and sources are not paths). */
const WALKABLE = Object.keys(REL_TYPES).filter((t) => t !== 'ABOUT');

export interface PathFilter {
  allowedRelationships?: readonly string[] | null;
  forbiddenRelationships?: readonly string[] | null;
  allowedLabels?: readonly string[] | null;
  forbiddenLabels?: readonly string[] | null;
}

/** Relationship types and labels a path may walk, checked against the vocabulary; sent as parameters. */
export function pathFilter(filter: PathFilter | null | undefined): { types: string[]; labels: string[] } {
  const pick = (
    all: readonly string[],
    allowed: readonly string[] | null | undefined,
    forbidden: readonly string[] | null | undefined,
    argument: string,
  ) => {
    for (const v of [...(allowed ?? []), ...(forbidden ?? [])])
      if (!all.includes(v)) throw badInput(argument, `has unknown value ${v}`);
    const chosen = (allowed?.length ? allowed : all).filter((v) => !(forbidden ?? []).includes(v));
    if (chosen.length === 0) throw badInput(argument, 'leaves nothing a path could use');
    return [...chosen];
  };
  return {
    types: pick(WALKABLE, filter?.allowedRelationships, filter?.forbiddenRelationships, 'filter.relationships'),
    labels: pick(ENTITY_LABELS, filter?.allowedLabels, filter?.forbiddenLabels, 'filter.labels'),
  };
}

function toPath(row: Row): PathRow {
  const forward = row.forward as boolean[];
  return {
    nodes: row.nodes as EntityRow[],
    rels: (row.rels as RelRow[]).map((rel, i) => ({ ...rel, __forward: forward[i] })),
  };
}

export async function shortestPaths(
  db: Database,
  meter: QueryMeter,
  args: { from: string; to: string; k?: number | null; maxHops?: number | null; filter?: PathFilter | null },
): Promise<PathRow[]> {
  const from = fromEntityId(args.from, 'from');
  const to = fromEntityId(args.to, 'to');
  const k = intArgument('k', args.k ?? 1, 1, MAX_K);
  const maxHops = intArgument('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  if (from.label === to.label && from.key === to.key) throw badInput('to', 'must differ from "from"');
  const slots = { fromLabel: from.label, toLabel: to.label, k: String(k), maxHops: String(maxHops) };
  const rows = await db.read(
    cypher('path/shortest', slots),
    { from: from.key, to: to.key, ...pathFilter(args.filter) },
    { meter },
  );
  return rows.map(toPath);
}

export async function links(
  db: Database,
  meter: QueryMeter,
  args: {
    from: string;
    targetType: string;
    maxHops?: number | null;
    first?: number | null;
    filter?: PathFilter | null;
  },
): Promise<LinkRow[]> {
  const from = fromEntityId(args.from, args.targetType === 'Policy' ? 'company' : 'from');
  if (!(ENTITY_LABELS as readonly string[]).includes(args.targetType))
    throw badInput('targetType', `must be one of ${ENTITY_LABELS.join(', ')}`);
  const maxHops = intArgument('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  const first = intArgument('first', args.first ?? 20, 0, MAX_LINKS);
  const slots = { fromLabel: from.label, targetLabel: args.targetType, maxHops: String(maxHops) };
  const rows = await db.read(
    cypher('path/links', slots),
    { from: from.key, first, ...pathFilter(args.filter) },
    { meter },
  );
  return rows.map(toPath).map((path) => ({ target: path.nodes[path.nodes.length - 1], path }));
}
