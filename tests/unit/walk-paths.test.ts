import { Explored, type FoundPath, fromTargets, shortestPaths, type WalkRules } from '../../src/walk/walk';

/**
 * The path enumeration over an explored graph against a brute force of what it promises: every
 * simple path to a target, at most k per target and maxPaths in all, length by length, targets in
 * key order, each target's paths by the keys of their nodes from the far end back; then all of
 * them by that key, shortest first. The enumeration keeps only the best paths per target as it
 * walks (it no longer copies every path found), so the order it keeps them in is what this checks.
 */

const FREE: WalkRules = { containment: [], climb: 'NO_PEAK', peerLabel: null };
const RULES: Record<string, WalkRules> = {
  free: FREE,
  up: { containment: ['PART_OF'], climb: 'UP', peerLabel: 'Company' },
  down: { containment: ['PART_OF'], climb: 'DOWN', peerLabel: 'Company' },
  noPeak: { containment: ['PART_OF'], climb: 'NO_PEAK', peerLabel: 'Company' },
};

/** A small pseudo-random generator, so a failure names a graph that can be built again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/**
 * A random explored graph. With `ties`, nodes other than models share keys and some pairs have two
 * relationships (the order between such paths is the start's side's, by type); models (the
 * targets there) never tie: between targets of one key the order is the one they were found in.
 * With `parallel`, keys stay unique and some pairs get a second relationship of another type.
 */
function graph(seed: number, size: number, edges: number, ties = false, parallel = false): Explored {
  const next = random(seed);
  const g = new Explored();
  const labels = ['Company', 'Model', 'Region'];
  // Keys unique unless `ties`, and not in the order of the ids, so key order is not creation order.
  for (let i = 0; i < size; i++) {
    const shared = ties && labels[i % 3] !== 'Model';
    g.node(`n${i}`, labels[i % 3], `k${shared ? (i * 7919) % 7 : (i * 7919) % 1000}`);
  }
  const pairs = new Set<string>();
  for (let e = 0; e < edges; e++) {
    const a = Math.floor(next() * size);
    const b = Math.floor(next() * size);
    const pair = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || (pairs.has(pair) && !ties)) continue;
    pairs.add(pair);
    const type = TYPES[Math.floor(next() * TYPES.length)];
    const forward = next() < 0.5;
    g.link(`n${a}`, { rel: `r${e}`, to: `n${b}`, type, forward });
    // With `parallel`, some pairs of other types get a second relationship of the other one.
    if (parallel && type !== 'PART_OF' && next() < 0.4)
      g.link(`n${a}`, {
        rel: `p${e}`,
        to: `n${b}`,
        type: type === 'DEVELOPS' ? 'SERVES' : 'DEVELOPS',
        forward: !forward,
      });
  }
  g.start = 'n0';
  return g;
}

const TYPES = ['DEVELOPS', 'SERVES', 'PART_OF'];
const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Whether a path keeps the walk rules (src/path/service.ts walkRules), checked whole. */
function keeps(g: Explored, p: FoundPath, rules: WalkRules): boolean {
  for (let i = 1; i < p.nodes.length - 1; i++) if (g.nodes.get(p.nodes[i])?.label === rules.peerLabel) return false;
  let climbed = false;
  for (let i = 0; i < p.rels.length; i++) {
    const type = g.steps.get(p.nodes[i])?.find((s) => s.rel === p.rels[i])?.type ?? '';
    if (!rules.containment.includes(type)) continue;
    const up = p.forward[i];
    if (rules.climb === 'UP' && !up) return false;
    if (rules.climb === 'DOWN' && up) return false;
    if (rules.climb === 'NO_PEAK' && !up && climbed) return false;
    if (up) climbed = true;
  }
  return true;
}

const keyOf = (g: Explored, p: FoundPath) =>
  p.nodes
    .map((n) => g.nodes.get(n)?.key ?? '')
    .reverse()
    .join('\u0000');
const byKey = (g: Explored, paths: FoundPath[]) =>
  [...paths].sort((x, y) => (keyOf(g, x) < keyOf(g, y) ? -1 : keyOf(g, x) > keyOf(g, y) ? 1 : 0));

/**
 * Every simple path that keeps the rules, found from the start with each node's relationships in
 * key order, then type (so paths that tie on keys come in the start's side's order), then kept
 * as promised.
 */
function bruteForce(
  g: Explored,
  targets: string[],
  o: { maxHops: number; k: number; maxPaths: number; rules: WalkRules },
): FoundPath[] {
  const key = (id: string) => g.nodes.get(id)?.key ?? '';
  const all: FoundPath[] = [];
  const walk = (p: FoundPath) => {
    const at = p.nodes[p.nodes.length - 1];
    if (p.rels.length > 0 && targets.includes(at) && keeps(g, p, o.rules)) all.push(p);
    if (p.rels.length === o.maxHops) return;
    const steps = [...(g.steps.get(at) ?? [])].sort((x, y) => cmp(key(x.to), key(y.to)) || cmp(x.type, y.type));
    for (const s of steps)
      if (!p.nodes.includes(s.to))
        walk({ nodes: [...p.nodes, s.to], rels: [...p.rels, s.rel], forward: [...p.forward, s.forward] });
  };
  walk({ nodes: [g.start], rels: [], forward: [] });
  const found = new Map<string, FoundPath[]>();
  let total = 0;
  for (let length = 1; length <= o.maxHops; length++) {
    for (const t of [...targets].sort((x, y) => cmp(key(x), key(y)))) {
      const list = found.get(t) ?? [];
      const room = Math.min(o.k - list.length, o.maxPaths - total);
      if (room <= 0) continue;
      const kept = byKey(
        g,
        all.filter((p) => p.rels.length === length && p.nodes[p.nodes.length - 1] === t),
      ).slice(0, room);
      list.push(...kept);
      found.set(t, list);
      total += kept.length;
    }
  }
  return byKey(g, [...found.values()].flat()).sort((x, y) => x.rels.length - y.rels.length);
}

describe('shortest paths over an explored graph', () => {
  it.each([
    [1, 12, 30, 3, 3, 1000, 'free'],
    [2, 15, 45, 4, 3, 1000, 'free'],
    [3, 15, 45, 4, 1, 1000, 'free'],
    [4, 15, 45, 4, 3, 7, 'free'],
    [5, 20, 50, 4, 10, 1000, 'free'],
    [6, 10, 40, 5, 2, 20, 'free'],
    [7, 15, 50, 4, 3, 1000, 'up'],
    [8, 15, 50, 4, 3, 1000, 'down'],
    [9, 15, 50, 4, 3, 1000, 'noPeak'],
    [10, 18, 60, 5, 1, 1000, 'noPeak'],
    [15, 12, 50, 5, 10, 1000, 'noPeak'],
    [16, 15, 60, 5, 10, 1000, 'noPeak'],
    [17, 15, 60, 4, 5, 1000, 'up'],
    [18, 15, 60, 4, 5, 1000, 'down'],
  ])(
    'keeps what the brute force keeps (seed %i: %i nodes, %i relationships, %i hops, k %i, at most %i, rules %s)',
    (seed, size, edges, maxHops, k, maxPaths, rules) => {
      const g = graph(seed, size, edges);
      const targets = [...g.nodes.keys()].filter((id) => id !== g.start && g.nodes.get(id)?.label !== 'Company');
      const options = { maxHops, k, maxPaths, rules: RULES[rules] };
      const expected = bruteForce(g, targets, options);
      expect(expected.length).toBeGreaterThan(k);
      expect(shortestPaths(g, targets, options)).toEqual(expected);
    },
  );

  it.each([
    [11, 'free'],
    [12, 'noPeak'],
    [13, 'up'],
  ])('orders paths that tie on keys as the start side walks them (seed %i, rules %s)', (seed, rules) => {
    const g = graph(seed, 14, 45, true);
    const targets = [...g.nodes.keys()].filter((id) => g.nodes.get(id)?.label === 'Model');
    const options = { maxHops: 4, k: 3, maxPaths: 1000, rules: RULES[rules] };
    const expected = bruteForce(g, targets, options);
    expect(expected.length).toBeGreaterThan(3);
    expect(shortestPaths(g, targets, options)).toEqual(expected);
  });

  it.each([
    [21, 'free', 3],
    [22, 'noPeak', 3],
    [23, 'up', 10],
    [24, 'down', 10],
    [26, 'noPeak', 1],
  ])(
    'walks parallel relationships back from the targets in the start side order (seed %i, rules %s, k %i)',
    (seed, rules, k) => {
      const g = graph(seed, 14, 40, false, true);
      const targets = [...g.nodes.keys()].filter((id) => g.nodes.get(id)?.label === 'Model');
      const options = { maxHops: 4, k, maxPaths: 1000, rules: RULES[rules] };
      const expected = bruteForce(g, targets, options);
      expect(expected.length).toBeGreaterThan(k);
      // Kept paths pass parallel relationships (a hop with a choice).
      const choices = (p: FoundPath) =>
        p.rels.filter((_r, i) => (g.steps.get(p.nodes[i]) ?? []).filter((s) => s.to === p.nodes[i + 1]).length > 1);
      expect(expected.filter((p) => choices(p).length > 0).length).toBeGreaterThan(0);
      // Answered by the walk back itself, not by the walk from the start.
      expect(fromTargets(g, targets, options)).toEqual(expected);
    },
  );

  it('leaves parallel relationships of one type, or with a containment one, to the walk from the start', () => {
    for (const twin of ['DEVELOPS', 'PART_OF']) {
      const g = new Explored();
      for (const [id, label] of [
        ['a', 'Company'],
        ['b', 'Region'],
        ['c', 'Model'],
      ])
        g.node(id, label, id);
      g.link('a', { rel: 'r1', to: 'b', type: 'DEVELOPS', forward: true });
      g.link('a', { rel: 'r2', to: 'b', type: twin, forward: true });
      g.link('b', { rel: 'r3', to: 'c', type: 'SERVES', forward: true });
      g.start = 'a';
      const options = { maxHops: 3, k: 2, maxPaths: 10, rules: RULES.noPeak };
      expect(fromTargets(g, ['c'], options)).toBeNull();
      expect(shortestPaths(g, ['c'], options)).toEqual(bruteForce(g, ['c'], options));
    }
  });

  it('finds the best path to one target (a shortest path between two ends)', () => {
    const g = graph(14, 25, 70);
    for (const target of ['n5', 'n8', 'n13']) {
      const options = { maxHops: 4, k: 1, maxPaths: 1, rules: RULES.noPeak };
      expect(shortestPaths(g, [target], options)).toEqual(bruteForce(g, [target], options));
    }
  });

  it('gives nothing when no target is within reach', () => {
    const g = graph(7, 10, 0);
    expect(shortestPaths(g, ['n3'], { maxHops: 4, k: 3, maxPaths: 10, rules: FREE })).toEqual([]);
  });
});
