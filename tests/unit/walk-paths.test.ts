import { Explored, type FoundPath, shortestPaths } from '../../src/walk/walk';

/**
 * The path enumeration over an explored graph against a brute force of what it promises: every
 * simple path to a target, at most k per target and maxPaths in all, length by length, targets in
 * key order, each target's paths by the keys of their nodes from the far end back; then all of
 * them by that key, shortest first. The enumeration keeps only the best paths per target as it
 * walks (it no longer copies every path found), so the order it keeps them in is what this checks.
 */

const FREE = { containment: [] as string[], climb: 'NO_PEAK', peerLabel: null };

/** A small pseudo-random generator, so a failure names a graph that can be built again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function graph(seed: number, size: number, edges: number): Explored {
  const next = random(seed);
  const g = new Explored();
  // Keys unique, and not in the order of the ids, so key order is not creation order.
  for (let i = 0; i < size; i++) g.node(`n${i}`, i % 3 === 0 ? 'Company' : 'Model', `k${(i * 7919) % 1000}`);
  // At most one relationship between two nodes: paths through the same nodes would tie on keys.
  const pairs = new Set<string>();
  for (let e = 0; e < edges; e++) {
    const a = Math.floor(next() * size);
    const b = Math.floor(next() * size);
    const pair = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || pairs.has(pair)) continue;
    pairs.add(pair);
    g.link(`n${a}`, { rel: `r${e}`, to: `n${b}`, type: next() < 0.5 ? 'DEVELOPS' : 'SERVES', forward: true });
  }
  g.start = 'n0';
  return g;
}

const keyOf = (g: Explored, p: FoundPath) =>
  p.nodes
    .map((n) => g.nodes.get(n)?.key ?? '')
    .reverse()
    .join('\u0000');
const byKey = (g: Explored, paths: FoundPath[]) =>
  [...paths].sort((x, y) => (keyOf(g, x) < keyOf(g, y) ? -1 : keyOf(g, x) > keyOf(g, y) ? 1 : 0));

function bruteForce(g: Explored, targets: string[], maxHops: number, k: number, maxPaths: number): FoundPath[] {
  const all: FoundPath[] = [];
  const walk = (p: FoundPath) => {
    const at = p.nodes[p.nodes.length - 1];
    if (p.rels.length > 0 && targets.includes(at)) all.push(p);
    if (p.rels.length === maxHops) return;
    for (const s of g.steps.get(at) ?? [])
      if (!p.nodes.includes(s.to))
        walk({ nodes: [...p.nodes, s.to], rels: [...p.rels, s.rel], forward: [...p.forward, s.forward] });
  };
  walk({ nodes: [g.start], rels: [], forward: [] });
  const found = new Map<string, FoundPath[]>();
  let total = 0;
  for (let length = 1; length <= maxHops; length++) {
    const ordered = [...targets].sort((x, y) => {
      const kx = g.nodes.get(x)?.key ?? '';
      const ky = g.nodes.get(y)?.key ?? '';
      return kx < ky ? -1 : kx > ky ? 1 : 0;
    });
    for (const t of ordered) {
      const list = found.get(t) ?? [];
      const room = Math.min(k - list.length, maxPaths - total);
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
    [1, 12, 30, 3, 3, 1000],
    [2, 15, 45, 4, 3, 1000],
    [3, 15, 45, 4, 1, 1000],
    [4, 15, 45, 4, 3, 7],
    [5, 20, 50, 4, 10, 1000],
    [6, 10, 40, 5, 2, 20],
  ])(
    'keeps what the brute force keeps (seed %i: %i nodes, %i relationships, %i hops, k %i, at most %i)',
    (seed, size, edges, maxHops, k, maxPaths) => {
      const g = graph(seed, size, edges);
      const targets = [...g.nodes.keys()].filter((id) => id !== g.start && g.nodes.get(id)?.label === 'Company');
      const expected = bruteForce(g, targets, maxHops, k, maxPaths);
      expect(expected.length).toBeGreaterThan(k);
      expect(shortestPaths(g, targets, { maxHops, k, maxPaths, rules: FREE })).toEqual(expected);
    },
  );

  it('gives nothing when no target is within reach', () => {
    const g = graph(7, 10, 0);
    expect(shortestPaths(g, ['n3'], { maxHops: 4, k: 3, maxPaths: 10, rules: FREE })).toEqual([]);
  });
});
