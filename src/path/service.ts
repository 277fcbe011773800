import type { Database, QueryMeter } from '../db/database';
import type { EntityRow, RelRow } from '../entity/rows';
import { badInput, intArgument } from '../errors';
import { fromEntityId } from '../graph/ids';
import { CONTAINMENT_TYPES, ENTITY_LABELS } from '../graph/vocabulary';
import { type PathFilter, scopeOf } from '../walk/scope';
import {
  details,
  END_SAMPLE,
  type Explored,
  explore,
  type FoundPath,
  shortestPaths as shortestWalks,
  type WalkScope,
} from '../walk/walk';
import { mayRank, rankLinks } from './rank';
import type { LinkRow, PathRow, PathWalk } from './rows';

export const MAX_HOPS = 6;
export const MAX_K = 10;
export const MAX_LINKS = 100;
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

/** Paths considered per target when ranking links: enough to reward independent routes. */
const PATHS_PER_TARGET = 3;
/** A bound on the rows one ranking reads. */
const MAX_RANKED_PATHS = 2000;

/**
 * Paths as rows: the properties of their nodes and relationships (and degrees), from what the
 * walk's first statement showed (Explored.shown, which has no degrees; Explored.degree) and, for
 * what it did not, one statement for all of them.
 */
async function pathRows(
  db: Database,
  meter: QueryMeter,
  scope: WalkScope,
  g: Explored,
  paths: readonly FoundPath[],
  walk: PathWalk,
  degrees: boolean,
): Promise<{ path: PathRow; degrees: number[] }[]> {
  const shown = degrees ? null : g.shown;
  const nodes = [...new Set(paths.flatMap((p) => p.nodes))].filter((id) => !shown?.nodes.has(id));
  const rels = [...new Set(paths.flatMap((p) => p.rels))].filter((id) => !shown?.rels.has(id));
  const counted = degrees ? nodes.filter((id) => g.degree.has(id)) : [];
  const read = await details(db, meter, scope, { nodes, rels, degrees, props: true, counted });
  const node = (id: string) => shown?.nodes.get(id) ?? read.nodes.get(id);
  const rel = (id: string) => shown?.rels.get(id) ?? read.rels.get(id);
  return paths.map((p) => ({
    path: {
      nodes: p.nodes.map((id) => node(id)?.node as EntityRow),
      rels: p.rels.map((id, i) => ({ ...(rel(id) as RelRow), __forward: p.forward[i] })),
      walk,
    },
    degrees: p.nodes.map((id) => Number(g.degree.get(id) ?? node(id)?.degree ?? 0)),
  }));
}

/** Nodes a path may not pass on through: another entity of the start's type (when the rules say so). */
const peerSkip = (peerLabel: string | null) => (id: string, g: Explored) =>
  peerLabel !== null && id !== g.start && g.nodes.get(id)?.label === peerLabel;

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
  const walk = args.walk ?? 'MEANINGFUL';
  const rules = walkRules(walk, from.label, to.label);
  const scope = scopeOf(args.filter, args.asOf);
  const find = (g: Explored, hops: number) => shortestWalks(g, g.ends, { maxHops: hops, k, maxPaths: k, rules });
  return db.walk(meter, async () => {
    // Both sides in turn, meeting in the middle; done as soon as k paths no longer than the
    // levels walked so far are found (every such path is then in view).
    const g = await explore(db, meter, scope, {
      fromLabel: from.label,
      from: from.key,
      toward: 'node',
      toLabel: to.label,
      to: to.key,
      levels: { a: maxHops, b: maxHops },
      alternate: true,
      budget: maxHops,
      sample: END_SAMPLE,
      peer: rules.peerLabel,
      skip: peerSkip(rules.peerLabel),
      inline: true,
      done: (seen, levels) => seen.ends.length > 0 && find(seen, Math.min(maxHops, levels.a + levels.b)).length >= k,
    });
    if (!g || g.ends.length === 0) return [];
    const found = find(g, maxHops);
    return (await pathRows(db, meter, scope, g, found, walk, false)).map((r) => r.path);
  });
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
  const from = fromEntityId(args.from, 'from');
  if (!(ENTITY_LABELS as readonly string[]).includes(args.targetType))
    throw badInput('targetType', `must be one of ${ENTITY_LABELS.join(', ')}`);
  const maxHops = intArgument('maxHops', args.maxHops ?? 4, 1, MAX_HOPS);
  const first = intArgument('first', args.first ?? 20, 0, MAX_LINKS);
  const walk = args.walk ?? 'MEANINGFUL';
  const rules = walkRules(walk, from.label, args.targetType);
  const scope = scopeOf(args.filter, args.asOf);
  return db.walk(meter, async () => {
    // Towards every target at once from both sides when there are few of them (policies),
    // else from the start alone.
    const g = await explore(db, meter, scope, {
      fromLabel: from.label,
      from: from.key,
      toward: 'label',
      toLabel: args.targetType,
      levels: { a: Math.ceil(maxHops / 2), b: Math.floor(maxHops / 2) },
      sample: END_SAMPLE,
      peer: rules.peerLabel,
      skip: peerSkip(rules.peerLabel),
      degrees: true,
    });
    if (!g) return [];
    const targets =
      g.ends.length > 0
        ? g.ends
        : [...g.nodes].filter(([id, n]) => id !== g.start && n.label === args.targetType).map(([id]) => id);
    const found = shortestWalks(g, targets, { maxHops, k: PATHS_PER_TARGET, maxPaths: MAX_RANKED_PATHS, rules });
    // Details only for the targets that may rank among the first (the walk counted the degrees
    // of the nodes it expanded): from a hub, a few dozen of several hundred.
    const ranked = mayRank(
      found,
      first,
      (id) => g.degree.get(id),
      (id) => g.steps.get(id)?.length ?? 0,
    );
    return rankLinks(await pathRows(db, meter, scope, g, ranked, walk, true), first);
  });
}
