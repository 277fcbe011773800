import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { EntityRow, RelRow } from '../entity/rows';

/**
 * Hub-aware walks: breadth-first, level by level, from one side or both, over the graph as
 * the walk rules and filters allow, never through a hub's whole fan-out.
 *
 * A relationship group (one type, one direction at one node) of more than HUB_GROUP
 * relationships is a hub group (北京市's companies, an industry's models). A walk reaches
 * the hub but does not expand that group, except from its own ends, which take the group's
 * first `sample` members. A search between two ends expands both sides, so a path through a
 * hub is found where the two sides meet at it; when one end is a hub, the other side checks
 * what it reaches for a relationship into it (walk/expand-into), so a path through a member
 * outside the sample is found too. At the real register's size no group is that
 * big, so every walk is exhaustive there; on a register a thousand times larger, the cost of
 * a walk stays that of the specific nodes around its ends (docs/performance.md).
 */
export const HUB_GROUP = 1000;
/**
 * Members a walk's own end takes from each of its hub groups (paths and links; neighbourhoods
 * take their limit). Any such sample is arbitrary (北京市 holds 103,000 filings): it bounds the
 * cost of a walk from a hub (links from 北京市 to models read the sample's own rings) and is not
 * what finds a path through one, which the far side reaches by its own ring and its check
 * against the hub (explore). 1,000 took 2-7 times
 * as long from a hub as 100, for the same path lengths (docs/performance.md).
 */
export const END_SAMPLE = 100;
/** Targets of a label searched from both sides; more and the walk goes from the start alone. */
export const MAX_TARGETS = 200;
/** A first ring a search between two ends may expand in its first statement, unasked (start.cypher). */
export const SMALL_RING = 200;
/**
 * A bound on the nodes the first statement shows of a walk asked to (WalkPlan.inline): more and it
 * shows none, and the answer's details take a statement of their own.
 */
export const INLINE_NODES = 300;
/** A bound on the paths one enumeration visits, whatever the graph. */
const MAX_VISITS = 200_000;
export type Side = 'a' | 'b';

/** One relationship seen from one of its ends. */
export interface Step {
  rel: string;
  to: string;
  type: string;
  /** True when the relationship points from this node to `to`. */
  forward: boolean;
}

/** A relationship as a walk statement returns it (cypher/walk/step.cypher): [rel, to, type, forward, label, key]. */
type StepRow = [string, string, string, boolean, string, string];

/** The relationships a walk statement read from one node: `from`, expanded for `side`. */
interface Expansion {
  side: Side;
  from: string;
  steps: readonly StepRow[];
}

/** What a walk is allowed to walk: statement parameters and the as-of slot. */
export interface WalkScope {
  types: string[];
  labels: string[];
  asOf: string | null;
  asOfSlot: string;
}

/** The part of the graph a walk has seen: nodes by element id, relationships from both ends. */
export class Explored {
  readonly nodes = new Map<string, { label: string; key: string }>();
  readonly steps = new Map<string, Step[]>();
  readonly expanded = new Set<string>();
  readonly distance: Record<Side, Map<string, number>> = { a: new Map(), b: new Map() };
  /** Walkable relationships (walk/degree) of the nodes the first statement expanded on the start's side (WalkPlan.degrees). */
  readonly degree = new Map<string, number>();
  private readonly rels = new Set<string>();
  start = '';
  ends: string[] = [];
  /** What the first statement showed of the nodes where the walk met (WalkPlan.inline), else null. */
  shown: Details | null = null;
  /** True when an end's hub group gave as many members as it may take: there may be more. */
  sampled = false;

  node(id: string, label: string, key: string): void {
    if (!this.nodes.has(id)) this.nodes.set(id, { label, key });
  }

  /** Records a relationship (once) from both of its ends. */
  link(from: string, s: Step): void {
    if (this.rels.has(s.rel)) return;
    this.rels.add(s.rel);
    this.push(from, s);
    this.push(s.to, { rel: s.rel, to: from, type: s.type, forward: !s.forward });
  }

  private push(id: string, s: Step): void {
    const list = this.steps.get(id);
    if (list) list.push(s);
    else this.steps.set(id, [s]);
  }

  /** Applies one level's expansions: relationships, and the distances of newly reached nodes. */
  apply(expansions: readonly Expansion[], level: number): void {
    for (const e of expansions) {
      this.expanded.add(e.from);
      const seen = this.distance[e.side];
      for (const [rel, to, type, forward, label, key] of e.steps) {
        this.node(to, label, key);
        this.link(e.from, { rel, to, type, forward });
        if (!seen.has(to)) seen.set(to, level + 1);
      }
    }
  }

  /** Nodes of a side at exactly `level` not yet expanded, minus those `skip` rules out. */
  frontier(side: Side, level: number, skip: (id: string) => boolean = () => false): string[] {
    const out: string[] = [];
    for (const [id, d] of this.distance[side]) if (d === level && !this.expanded.has(id) && !skip(id)) out.push(id);
    return out;
  }
}

export interface WalkPlan {
  fromLabel: string;
  from: string;
  /** 'node' (another end), 'label' (every node of a label). */
  toward: 'node' | 'label';
  toLabel?: string;
  to?: string;
  /** Levels expanded from each side. */
  levels: Record<Side, number>;
  sample: number;
  /** Nodes a side never expands (they may end a path but not pass one on). */
  skip?: (id: string, g: Explored) => boolean;
  /** Checked before each level: true stops the walk (what it needs is complete). */
  done?: (g: Explored, levels: Record<Side, number>) => boolean;
  /** Expand one side per level, the smaller frontier first, up to `budget` levels in all. */
  alternate?: boolean;
  budget?: number;
  /** The start's own label when a path may not pass through another node of it (not even read). */
  peer?: string | null;
  /**
   * Show in the first statement what a path it completes may show (Explored.shown, without
   * degrees): a search whose rows are complete then needs no other statement.
   */
  inline?: boolean;
  /** Count the walkable relationships of each node the first statement expands from the start (Explored.degree). */
  degrees?: boolean;
}

/** A walk's statement parameters (the first statement's and, with a frontier, each further one's). */
function walkParams(db: Database, scope: WalkScope, plan: WalkPlan) {
  return {
    fromLabel: plan.fromLabel,
    from: plan.from,
    toLabel: plan.toLabel ?? plan.fromLabel,
    // A string either way: a parameter's type is part of Neo4j's plan cache key (null and a
    // string would be two plans, each planned on its first use).
    to: plan.to ?? '',
    maxTargets: MAX_TARGETS,
    // One other end is sampled like the start (a path may meet at its hub); a label's every
    // node is not (a sample of each region's thousands of filings rarely meets anything).
    sampleEnds: plan.toward === 'node',
    types: scope.types,
    labels: scope.labels,
    asOf: scope.asOf,
    hub: HUB_GROUP,
    take: plan.sample,
    peer: plan.peer ?? '',
    sampleable: sampleable(scope.labels, plan.peer ?? ''),
    keepKeys: [plan.from, ...(plan.to ? [plan.to] : [])],
    // The second level of a side in the first statement, when the walk takes it whatever the
    // first level finds (not a search that alternates sides and stops once its paths are found).
    deeperA: !plan.alternate && plan.levels.a >= 2,
    deeperB: !plan.alternate && plan.levels.b >= 2,
    // A search that alternates sides takes the smaller side's second level in the first
    // statement too, when its budget reaches past the first rings and that ring is small: the
    // level it would read next (a shortest path of 3-4 hops in 2 round trips instead of 3).
    deeperSmaller: Boolean(plan.alternate) && plan.toward === 'node' && (plan.budget ?? 0) > 2,
    smallRing: SMALL_RING,
    // A bound on the relationships one walk reads, whatever the graph (db.walkRows, MAX_WALK_ROWS):
    // a walk that reaches it stops there, its answer marked sampled, so a request's memory is
    // bounded (with MAX_WALKS, the server's: 32 walks reading hubs at once exhausted its heap).
    rows: db.walkRows,
    inlineNodes: INLINE_NODES,
    degrees: Boolean(plan.degrees),
  };
}

/**
 * Plans the statement that checks what a search reaches against a hub end (walk/expand-into) by
 * running it on nothing: a register without hubs never asks it, so the warm-up's requests do not
 * plan it, and after a restart its first use took 0.6-0.8 s to plan.
 */
export async function planHubCheck(db: Database, scope: WalkScope): Promise<void> {
  const plan: WalkPlan = {
    fromLabel: 'Company',
    from: '',
    toward: 'node',
    toLabel: 'Company',
    to: '',
    levels: { a: 4, b: 4 },
    sample: END_SAMPLE,
    alternate: true,
    budget: 4,
    peer: 'Company',
  };
  await db.read(cypher('walk/expand', { asOf: scope.asOfSlot, finish: 'walk/expand-into' }), {
    ...walkParams(db, scope, plan),
    frontier: typed([]),
    rows: db.walkRows,
    check: typed([]),
    into: typed([]),
  });
}

/**
 * Walks level by level: the first statement finds the ends and expands them, and the ring after
 * that too (a walk that does not alternate: the sides its levels ask for; a search between two
 * ends: the side with the smaller first ring, while small); each further one expands both
 * sides' next ring, or one side's when alternating. Returns null when the start does not exist.
 */
export async function explore(
  db: Database,
  meter: QueryMeter,
  scope: WalkScope,
  plan: WalkPlan,
): Promise<Explored | null> {
  const g = new Explored();
  const params = walkParams(db, scope, plan);
  const toEnd = `walk/to-${plan.toward}`;
  type Row = Omit<Expansion, 'side'> & {
    fromLabel: string;
    fromKey: string;
    level: number;
    read: number;
    degree: number | null;
  };
  const read = await db.read<Row & { side: Side | null; shown: DetailsRow | null }>(
    cypher('walk/start', { asOf: scope.asOfSlot, toEnd, finish: plan.inline ? 'walk/shown' : 'walk/rows' }),
    params,
    { meter },
  );
  const rows = read.filter((r): r is typeof r & { side: Side } => r.side !== null);
  if (rows.length === 0) return null;
  const shown = read.find((r) => r.side === null)?.shown;
  if (shown) g.shown = detailsOf(shown);
  for (const r of rows) if (r.degree !== null) g.degree.set(r.from, Number(r.degree));
  const first = rows.filter((r) => r.level === 0);
  for (const r of first) {
    g.node(r.from, r.fromLabel, r.fromKey);
    g.distance[r.side].set(r.from, 0);
    if (r.side === 'a') g.start = r.from;
    else if (!g.ends.includes(r.from)) g.ends.push(r.from);
  }
  g.apply(first, 0);
  // The ends whose hub groups gave as many members as they may take (there may be more).
  const hubEnd: Record<Side, string | null> = { a: null, b: null };
  const perGroup = new Map<string, number>();
  for (const r of first)
    for (const [, , type, forward] of r.steps) {
      const group = `${r.from}|${type}|${forward}`;
      const members = (perGroup.get(group) ?? 0) + 1;
      perGroup.set(group, members);
      if (members >= plan.sample) hubEnd[r.side] = r.from;
    }
  g.sampled = hubEnd.a !== null || hubEnd.b !== null;
  let left = db.walkRows;
  for (const r of rows) left -= r.read;
  const done: Record<Side, number> = { a: 1, b: g.ends.length === 0 ? 0 : 1 };
  const levels = { ...plan.levels, b: done.b === 0 ? 0 : plan.levels.b };
  // The second level, where the first statement took it: a side with rows of level 1 was expanded.
  for (const side of ['a', 'b'] as const) {
    const second = rows.filter((r) => r.side === side && r.level === 1);
    if (second.length === 0) continue;
    // Its nodes are known already: each was reached by the first ring.
    g.apply(second, 1);
    done[side] = 2;
  }
  // A search between two ends, one of them a hub whose members were sampled: a path through a
  // member outside the sample is seen only from the member's side. So each node the other side
  // reaches is checked for a relationship into the hub (walk/expand-into), and that side walks the
  // whole budget but one level, whatever the hub's side walked: paths through the hub's members
  // are then in view up to the budget, whatever the sample (none was found, at most two hops from
  // 民营企业 to a model of a private company). The hub's side still walks its sample's rings as
  // before, so what a member in the sample leads to (another hub, say) is found as before. The
  // levels the search counts as walked from the hub's side are its first alone. Both ends hubs:
  // each side walks as before, and a path through members outside both samples may be missed.
  const hub: Side | null =
    plan.alternate && plan.toward === 'node' && (hubEnd.a === null) !== (hubEnd.b === null)
      ? hubEnd.a !== null
        ? 'a'
        : 'b'
      : null;
  const into = hub ? [hubEnd[hub] as string] : [];
  const other: Side = hub === 'a' ? 'b' : 'a';
  // Nodes the other side reached and no statement has checked yet (one it expanded showed all it has).
  let unchecked = hub
    ? [...g.distance[other]].filter(([id, d]) => d > 0 && !g.expanded.has(id) && !into.includes(id)).map(([id]) => id)
    : [];
  const budget = plan.budget ?? levels.a + levels.b;
  for (;;) {
    if (left <= 0) {
      g.sampled = true;
      break;
    }
    const inView = hub ? { ...done, [hub]: 1 } : done;
    const frontier: { id: string; side: Side }[] = [];
    const next = { a: [] as string[], b: [] as string[] };
    // Done: what the walk needs is in view once the nodes reached are checked (a statement that
    // only checks them, then no more), unless no path through them could be as short as those
    // found (a path through a node reached at distance d is at least d + 1 long).
    const finished = plan.done?.(g, inView) ?? false;
    if (finished && (unchecked.length === 0 || plan.done?.(g, { a: nearest(g.distance[other], unchecked), b: 0 })))
      break;
    if (!finished)
      for (const side of ['a', 'b'] as const) {
        if (done[side] >= levels[side]) continue;
        next[side] = g.frontier(side, done[side], (n) => plan.skip?.(n, g) ?? false);
      }
    // Alternating: one side per level, the one with the smaller frontier, while the levels
    // walked from both sides together are fewer than the budget (what a bidirectional
    // breadth-first search does), then the side away from a hub end to the budget but one;
    // otherwise both sides at once.
    const sides: Side[] = !plan.alternate
      ? ['a', 'b']
      : done.a + done.b < budget
        ? next.b.length === 0 || (next.a.length > 0 && next.a.length <= next.b.length)
          ? ['a']
          : ['b']
        : hub && done[other] < budget - 1
          ? [other]
          : [];
    for (const side of sides) for (const id of next[side]) frontier.push({ id, side });
    if (frontier.length === 0 && unchecked.length === 0) break;
    const found = await db.read<{ i: number | null; steps: StepRow[]; into: IntoRow[] | null }>(
      cypher('walk/expand', { asOf: scope.asOfSlot, finish: hub ? 'walk/expand-into' : 'walk/expand-rows' }),
      {
        ...params,
        frontier: typed(frontier.map((f) => f.id)),
        rows: left,
        ...(hub ? { check: typed(unchecked), into } : {}),
      },
      { meter },
    );
    unchecked = [];
    // Each side's expansions carry that side's level.
    const mine: Record<Side, Expansion[]> = { a: [], b: [] };
    for (const r of found) {
      if (r.i === null) continue;
      const f = frontier[r.i];
      left -= r.steps.length;
      mine[f.side].push({ side: f.side, from: f.id, steps: r.steps });
    }
    for (const side of sides) {
      if (next[side].length === 0) continue;
      for (const id of next[side]) g.expanded.add(id);
      g.apply(mine[side], done[side]);
      done[side] += 1;
    }
    for (const r of found)
      for (const [from, rel, to, type, forward] of r.into ?? []) g.link(from, { rel, to, type, forward });
    // Checked with the rings they came with: a statement that only checked ends the walk.
    if (frontier.length === 0) break;
  }
  return g;
}

/** The least distance among `ids`. */
const nearest = (distance: Map<string, number>, ids: readonly string[]) =>
  Math.min(...ids.map((id) => distance.get(id) ?? 0));

/** A relationship between a node a walk reached and a hub end (walk/expand-into): [from, ...StepRow]. */
type IntoRow = [string, ...StepRow];

/** The walk rules as a path enumeration checks them (see src/path/service.ts walkRules). */
export interface WalkRules {
  containment: readonly string[];
  climb: string;
  peerLabel: string | null;
}

/** A path through the explored graph: node and relationship element ids, and each step's direction. */
export interface FoundPath {
  nodes: string[];
  rels: string[];
  forward: boolean[];
}

/** Shortest distances to the nearest of `sources` over what has been explored (ignoring the rules, which only remove paths). */
function distancesFrom(g: Explored, sources: readonly string[]): Map<string, number> {
  const dist = new Map<string, number>();
  let ring = [...sources];
  for (const s of ring) dist.set(s, 0);
  for (let d = 1; ring.length > 0; d++) {
    const next: string[] = [];
    for (const id of ring)
      for (const s of g.steps.get(id) ?? [])
        if (!dist.has(s.to)) {
          dist.set(s.to, d);
          next.push(s.to);
        }
    ring = next;
  }
  return dist;
}

/**
 * The shortest simple paths from the start to each of `targets` that keep the walk rules,
 * at most `k` per target and `maxPaths` in all, shortest first, then by target key: what
 * SHORTEST k returns, computed over the explored graph (complete for paths no longer than
 * the levels walked from both sides together).
 */
export function shortestPaths(g: Explored, targets: readonly string[], options: PathOptions): FoundPath[] {
  return fromTargets(g, targets, options) ?? fromStart(g, targets, options);
}

interface PathOptions {
  maxHops: number;
  k: number;
  maxPaths: number;
  rules: WalkRules;
}

/** The paths kept so far: at most k per target and maxPaths in all. */
class Kept {
  readonly byTarget = new Map<string, FoundPath[]>();
  total = 0;

  constructor(
    private readonly k: number,
    private readonly maxPaths: number,
  ) {}

  /** Paths a target may still take, the bound on all of them aside. */
  left(target: string): number {
    return this.k - (this.byTarget.get(target)?.length ?? 0);
  }

  room(target: string): number {
    return Math.min(this.left(target), this.maxPaths - this.total);
  }

  /** Keeps the first of `paths` (in the order they are to be kept) that the target has room for. */
  add(target: string, paths: readonly FoundPath[]): void {
    const kept = paths.slice(0, this.room(target));
    if (kept.length === 0) return;
    const list = this.byTarget.get(target);
    if (list) list.push(...kept);
    else this.byTarget.set(target, kept);
    this.total += kept.length;
  }

  full(): boolean {
    return this.total >= this.maxPaths;
  }

  /** Every kept path by key from the far end back, then shortest first. */
  ordered(g: Explored): FoundPath[] {
    return byKey(g, [...this.byTarget.values()].flat()).sort((x, y) => x.rels.length - y.rels.length);
  }
}

/**
 * A step under the containment rules, given the path's state before it: null when the rules
 * rule it out, else the state after it. `up`: the step climbs (as the start's side walks it).
 * Never up and then down: walked from the start the state is "has climbed"; walked back from the
 * end, "has descended" (and never up once down).
 */
function ruleStep(
  rules: WalkRules,
  containment: ReadonlySet<string>,
  type: string,
  up: boolean,
  state: boolean,
  fromEnd: boolean,
): boolean | null {
  if (!containment.has(type)) return state;
  if (rules.climb === 'UP') return up ? state : null;
  if (rules.climb === 'DOWN') return up ? null : state;
  if (rules.climb !== 'NO_PEAK') return state;
  const sets = fromEnd ? !up : up;
  if (!sets && state) return null;
  return state || sets;
}

/** A node no path may pass on through: another of the start's own type (when the rules say so). */
const isPeer = (g: Explored, rules: WalkRules, id: string) =>
  rules.peerLabel !== null && g.nodes.get(id)?.label === rules.peerLabel;

/** A bound on the nodes the search from the targets visits before it leaves the answer to fromStart. */
const MAX_BACK_VISITS = 20_000;

/**
 * shortestPaths walked back from each target, its neighbours in key order: the first paths it
 * completes are the target's best by key from the far end back, so it stops at the k it may keep
 * (from a company to a policy: a few dozen visits, where walking from the start enumerates every
 * shortest path to keep one). Parallel relationships (a policy that promotes and regulates one
 * industry) are one step with alternatives, taken in the start's side's order: by type, the hop
 * nearest the start varying slowest. Null when two neighbours of a node share a key or two
 * parallel relationships share a type (the order between them is the start's, which this cannot
 * see), when parallel relationships include a containment one (the rules could keep one and
 * not the other), or past MAX_BACK_VISITS: fromStart then answers. Exported for its unit test,
 * which holds it to a brute force without the fallback.
 */
export function fromTargets(
  g: Explored,
  targets: readonly string[],
  { maxHops, k, maxPaths, rules }: PathOptions,
): FoundPath[] | null {
  const fromStartAt = distancesFrom(g, [g.start]);
  const containment = new Set(rules.containment);
  // Each node's neighbours in key order, each with its relationships to it (parallel ones by type).
  const sorted = new Map<string, Step[][]>();
  let tie = false;
  const neighbours = (id: string): Step[][] => {
    let groups = sorted.get(id);
    if (!groups) {
      const list = (g.steps.get(id) ?? []).filter((s) => fromStartAt.has(s.to)).sort(stepOrder(g));
      groups = [];
      for (const s of list) {
        const last = groups[groups.length - 1];
        if (last?.[0].to === s.to) {
          if (last[last.length - 1].type === s.type || containment.has(s.type) || containment.has(last[0].type))
            tie = true;
          last.push(s);
        } else {
          if (last && keyAt(g, last[0].to) === keyAt(g, s.to)) tie = true;
          groups.push([s]);
        }
      }
      sorted.set(id, groups);
    }
    return groups;
  };
  const ordered = [...new Set(targets)].sort(keyOrder(g));
  for (let i = 1; i < ordered.length; i++) if (keyAt(g, ordered[i]) === keyAt(g, ordered[i - 1])) return null;
  const kept = new Kept(k, maxPaths);
  let visits = 0;
  // The path so far, from the target back: nodes, and each hop's relationships (parallel ones
  // are alternatives), each as the start's side walks it.
  const back: string[] = [];
  const hops: Step[][] = [];
  const onPath = new Set<string>();
  // Every choice among a path's parallel relationships, in the start's side's order (the hop
  // nearest the start varying slowest), while there is room.
  const emit = (out: FoundPath[], room: number) => {
    const nodes = [...back].reverse();
    const along = [...hops].reverse();
    const pick = along.map(() => 0);
    for (;;) {
      out.push({
        nodes: [...nodes],
        rels: along.map((h, i) => h[pick[i]].rel),
        forward: along.map((h, i) => !h[pick[i]].forward),
      });
      if (out.length >= room) return;
      let i = pick.length - 1;
      while (i >= 0 && ++pick[i] === along[i].length) pick[i--] = 0;
      if (i < 0) return;
    }
  };
  // Collects up to `room` paths of exactly `length` hops ending at back[0]; false to give up.
  const walk = (at: string, length: number, descended: boolean, out: FoundPath[], room: number): boolean => {
    if (++visits > MAX_BACK_VISITS) return false;
    const depth = hops.length;
    if (depth === length) {
      if (at === g.start) emit(out, room);
      return true;
    }
    // Passing on through `at` (neither end).
    if (depth > 0 && isPeer(g, rules, at)) return true;
    for (const group of neighbours(at)) {
      if (tie) return false;
      if (out.length >= room) return true;
      const to = group[0].to;
      if (onPath.has(to)) continue;
      const rest = fromStartAt.get(to) as number;
      // The start only where the path begins.
      if (depth + 1 + rest > length || (to === g.start && depth + 1 < length)) continue;
      // The step as the start's side walks it: from `to` to at (parallel ones: none is containment).
      const descends = ruleStep(rules, containment, group[0].type, !group[0].forward, descended, true);
      if (descends === null) continue;
      back.push(to);
      hops.push(group);
      onPath.add(to);
      const ok = walk(to, length, descends, out, room);
      onPath.delete(to);
      back.pop();
      hops.pop();
      if (!ok) return false;
    }
    return !tie;
  };
  for (let length = 1; length <= maxHops && !kept.full(); length++) {
    for (const target of ordered) {
      if (kept.full()) break;
      const room = kept.room(target);
      if (room <= 0 || (fromStartAt.get(target) ?? Number.POSITIVE_INFINITY) > length) continue;
      const out: FoundPath[] = [];
      back.push(target);
      onPath.add(target);
      const ok = walk(target, length, false, out, room);
      onPath.delete(target);
      back.pop();
      if (!ok) return null;
      kept.add(target, out);
    }
  }
  return kept.ordered(g);
}

/** shortestPaths walked from the start: every path of each length, each target keeping its best. */
function fromStart(g: Explored, targets: readonly string[], { maxHops, k, maxPaths, rules }: PathOptions): FoundPath[] {
  // The targets still open (fewer than k paths), and each node's distance to the nearest of them.
  let isTarget = new Set(targets);
  let toTarget = distancesFrom(g, targets);
  const containment = new Set(rules.containment);
  const kept = new Kept(k, maxPaths);
  let visits = 0;
  const nodes = [g.start];
  const rels: string[] = [];
  const forward: boolean[] = [];
  const onPath = new Set([g.start]);
  // Depth-first to exactly `length` hops, so paths come out shortest first.
  // Each node's steps in a stable order (by the key of the node they lead to), sorted once.
  const sorted = new Map<string, Step[]>();
  const sortedSteps = (id: string): Step[] => {
    let list = sorted.get(id);
    if (!list) {
      list = (g.steps.get(id) ?? []).filter((s) => toTarget.has(s.to)).sort(stepOrder(g));
      sorted.set(id, list);
    }
    return list;
  };
  // The path being walked against a kept one of the same length, by keys from the far end back.
  const against = (p: FoundPath): number => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const c = cmp(keyAt(g, nodes[i]), keyAt(g, p.nodes[i]));
      if (c !== 0) return c;
    }
    return 0;
  };
  // This length's best paths per target, at most `room` each, kept in order as they are found:
  // a path copied only when it is among them (from a company to every other, 6,396 paths of four
  // hops to 156 targets, of which 3 each are kept).
  const best = new Map<string, FoundPath[]>();
  const offer = (target: string) => {
    let list = best.get(target);
    if (!list) {
      list = [];
      best.set(target, list);
    }
    const cap = kept.left(target);
    if (list.length >= cap) {
      // Not better than the last kept: an equal one found earlier stays ahead (a stable order).
      if (cap === 0 || against(list[list.length - 1]) >= 0) return;
      list.pop();
    }
    let at = list.length;
    while (at > 0 && against(list[at - 1]) < 0) at--;
    list.splice(at, 0, { nodes: [...nodes], rels: [...rels], forward: [...forward] });
  };
  const extend = (at: string, length: number, climbed: boolean) => {
    if (++visits > MAX_VISITS) return;
    const depth = rels.length;
    if (depth === length) {
      if (isTarget.has(at)) offer(at);
      return;
    }
    // Passing on through `at`.
    if (depth > 0 && isPeer(g, rules, at)) return;
    for (const s of sortedSteps(at)) {
      if (onPath.has(s.to)) continue;
      const rest = toTarget.get(s.to);
      if (rest === undefined || depth + 1 + rest > length) continue;
      const climbs = ruleStep(rules, containment, s.type, s.forward, climbed, false);
      if (climbs === null) continue;
      nodes.push(s.to);
      rels.push(s.rel);
      forward.push(s.forward);
      onPath.add(s.to);
      extend(s.to, length, climbs);
      onPath.delete(s.to);
      nodes.pop();
      rels.pop();
      forward.pop();
    }
  };
  for (let length = 1; length <= maxHops && !kept.full(); length++) {
    // A target with its k paths takes no more: longer walks are not sought towards it.
    const open = [...isTarget].filter((t) => kept.left(t) > 0);
    if (open.length === 0) break;
    if (open.length < isTarget.size) {
      isTarget = new Set(open);
      toTarget = distancesFrom(g, open);
      sorted.clear();
    }
    best.clear();
    extend(g.start, length, false);
    // Up to k per target, targets in key order (and at most maxPaths in all), each target's
    // paths by key from the far end back.
    for (const target of [...best.keys()].sort(keyOrder(g))) {
      if (kept.full()) break;
      kept.add(target, best.get(target) as FoundPath[]);
    }
  }
  return kept.ordered(g);
}

/** Paths ordered by the keys of their nodes from the far end back (each key built once). */
function byKey(g: Explored, paths: FoundPath[]): FoundPath[] {
  const keyed = paths.map((p) => ({ p, key: keyOf(g, p) }));
  keyed.sort((x, y) => cmp(x.key, y.key));
  return keyed.map((k) => k.p);
}

/** Code-point order: stable and much cheaper than localeCompare. */
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const keyAt = (g: Explored, id: string) => g.nodes.get(id)?.key ?? '';
/** Nodes by key. */
const keyOrder = (g: Explored) => (x: string, y: string) => cmp(keyAt(g, x), keyAt(g, y));
/**
 * A node's steps in the order both path searches take them: by the key of the node they lead
 * to, then by type (the order that decides between paths whose nodes tie on keys).
 */
const stepOrder = (g: Explored) => (x: Step, y: Step) => cmp(keyAt(g, x.to), keyAt(g, y.to)) || cmp(x.type, y.type);
const keyOf = (g: Explored, p: FoundPath) =>
  p.nodes
    .map((n) => keyAt(g, n))
    .reverse()
    .join('\u0000');

/** The expansion parameters of a walk's later reads: nothing sampled, no node ruled out. */
export function unsampled(scope: WalkScope) {
  return {
    types: scope.types,
    labels: scope.labels,
    asOf: scope.asOf,
    hub: HUB_GROUP,
    take: HUB_GROUP,
    peer: '',
    sampleable: sampleable(scope.labels, ''),
    keepKeys: [] as string[],
  };
}

/**
 * The labels whose hub groups a walk's own end may sample (walk/expand-node): those it may step
 * onto, its start's own label ($peer) aside. A list parameter, not the test written out in the
 * fragment: with that, the neighbourhood's statement took twice as long to plan (4.5 against 2.3 s).
 */
const sampleable = (labels: readonly string[], peer: string) => labels.filter((l) => l !== peer);

/**
 * A list of element ids that is never empty: an empty list is another parameter type to Neo4j,
 * and a parameter's type is part of its plan cache key, so each mix of empty and non-empty lists
 * was a plan of its own (0.5-0.7 s to plan on its first use). No element id is '', so [''] finds nothing.
 */
const typed = (ids: readonly string[]): readonly string[] => (ids.length > 0 ? ids : ['']);

/** Properties (and degrees) of the nodes and relationships an answer shows, in one statement. */
export interface Details {
  nodes: Map<string, { node: EntityRow | null; degree: number | null }>;
  rels: Map<string, RelRow>;
}

/** Details as walk/details returns them, and walk/shown in a walk's first statement. */
interface DetailsRow {
  nodes: { id: string; node: EntityRow | null; degree: number | null }[];
  rels: { id: string; rel: RelRow }[];
}

const detailsOf = (row: DetailsRow): Details => ({
  nodes: new Map(row.nodes.map((n) => [n.id, { node: n.node, degree: n.degree }])),
  rels: new Map(row.rels.map((r) => [r.id, r.rel])),
});

export async function details(
  db: Database,
  meter: QueryMeter,
  scope: WalkScope,
  ask: { nodes: string[]; rels: string[]; degrees: boolean; props: boolean; counted?: string[] },
): Promise<Details> {
  if (ask.nodes.length === 0 && ask.rels.length === 0) return { nodes: new Map(), rels: new Map() };
  const [row] = await db.read<DetailsRow>(
    cypher('walk/details', { asOf: scope.asOfSlot }),
    {
      nodes: typed(ask.nodes),
      rels: typed(ask.rels),
      counted: typed(ask.counted ?? []),
      degrees: ask.degrees,
      props: ask.props,
      ...unsampled(scope),
    },
    { meter },
  );
  return detailsOf(row);
}
