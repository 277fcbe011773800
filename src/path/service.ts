import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { EntityRow, RelRow } from '../entity/rows';
import { badInput, intArgument } from '../errors';
import { fromEntityId } from '../graph/ids';
import { CONTAINMENT_TYPES, ENTITY_LABELS, REL_TYPES } from '../graph/vocabulary';
import { rankLinks } from './rank';
import type { LinkRow, PathRow, PathWalk } from './rows';

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

interface PathRecord {
  nodes: EntityRow[];
  rels: RelRow[];
  forward: boolean[];
}

function toPath(row: PathRecord, walk: PathWalk): PathRow {
  return { nodes: row.nodes, rels: row.rels.map((rel, i) => ({ ...rel, __forward: row.forward[i] })), walk };
}

/**
 * The walk rules (src/graph/vocabulary.ts, Walk) as statement parameters. Containment is
 * walked only upwards towards a policy (a policy reaches what lies within its regions), only
 * downwards from one, and otherwise never up and then down; no path passes through another
 * entity of its start's type. UNRESTRICTED lifts every rule.
 */
export function walkRules(walk: PathWalk | null | undefined, startLabel: string, endLabel: string) {
  if (walk === 'UNRESTRICTED') return { containment: [] as string[], climb: 'NO_PEAK', peerLabel: null };
  const climb = endLabel === 'Policy' ? 'UP' : startLabel === 'Policy' ? 'DOWN' : 'NO_PEAK';
  return { containment: [...CONTAINMENT_TYPES], climb, peerLabel: startLabel };
}

/** The as-of predicate a statement includes: a date's, or none at all (not a date of null). */
export const asOfSlot = (asOf: string | null | undefined) => (asOf ? 'graph/as-of' : 'graph/any-time');

/** Paths considered per target when ranking links: enough to reward independent routes. */
const PATHS_PER_TARGET = 3;
/** A bound on the rows one ranking reads. */
const MAX_RANKED_PATHS = 2000;

export async function shortestPaths(
  db: Database,
  meter: QueryMeter,
  args: {
    from: string;
    to: string;
    k?: number | null;
    maxHops?: number | null;
    filter?: PathFilter | null;
    walk?: PathWalk | null;
    asOf?: string | null;
  },
): Promise<PathRow[]> {
  const from = fromEntityId(args.from, 'from');
  const to = fromEntityId(args.to, 'to');
  const k = intArgument('k', args.k ?? 1, 1, MAX_K);
  const maxHops = intArgument('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  if (from.label === to.label && from.key === to.key) throw badInput('to', 'must differ from "from"');
  const slots = {
    fromLabel: from.label,
    toLabel: to.label,
    k: String(k),
    maxHops: String(maxHops),
    asOf: asOfSlot(args.asOf),
  };
  const walk = args.walk ?? 'MEANINGFUL';
  const rows = await db.read<PathRecord>(
    cypher('path/shortest', slots),
    {
      from: from.key,
      to: to.key,
      asOf: args.asOf ?? null,
      ...pathFilter(args.filter),
      ...walkRules(walk, from.label, to.label),
    },
    { meter },
  );
  return rows.map((row) => toPath(row, walk));
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
    walk?: PathWalk | null;
    asOf?: string | null;
  },
): Promise<LinkRow[]> {
  const from = fromEntityId(args.from, args.targetType === 'Policy' ? 'company' : 'from');
  if (!(ENTITY_LABELS as readonly string[]).includes(args.targetType))
    throw badInput('targetType', `must be one of ${ENTITY_LABELS.join(', ')}`);
  const maxHops = intArgument('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  const first = intArgument('first', args.first ?? 20, 0, MAX_LINKS);
  const walk = args.walk ?? 'MEANINGFUL';
  const slots = {
    fromLabel: from.label,
    targetLabel: args.targetType,
    maxHops: String(maxHops),
    k: String(PATHS_PER_TARGET),
    asOf: asOfSlot(args.asOf),
  };
  const rows = await db.read<PathRecord & { degrees: number[] }>(
    cypher('path/links', slots),
    {
      from: from.key,
      maxPaths: MAX_RANKED_PATHS,
      asOf: args.asOf ?? null,
      ...pathFilter(args.filter),
      ...walkRules(walk, from.label, args.targetType),
    },
    { meter },
  );
  return rankLinks(rows.map((row) => ({ path: toPath(row, walk), degrees: row.degrees }))).slice(0, first);
}
