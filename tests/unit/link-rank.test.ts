import type { EntityRow, RelRow } from '../../src/entity/rows';
import { mayRank, pathWeight, rankLinks, reason } from '../../src/path/rank';

const node = (label: string, name: string): EntityRow => ({ __label: label, key: name, name }) as EntityRow;
const rel = (type: string, forward: boolean): RelRow => ({ __type: type, __forward: forward }) as RelRow;

describe('link ranking by specificity', () => {
  it('weighs a path by 1 / ln(e + degree) of each inner node, ends excluded', () => {
    expect(pathWeight([99, 99])).toBe(1);
    expect(pathWeight([5, 0, 7])).toBeCloseTo(1, 12);
    expect(pathWeight([1, 10, 1])).toBeCloseTo(1 / Math.log(Math.E + 10), 12);
    expect(pathWeight([1, 2, 30, 1])).toBeCloseTo(1 / Math.log(Math.E + 2) / Math.log(Math.E + 30), 12);
    // A hub counts for less than a specific node; a longer path for less than a shorter one.
    expect(pathWeight([1, 40, 1])).toBeLessThan(pathWeight([1, 3, 1]));
    expect(pathWeight([1, 3, 3, 1])).toBeLessThan(pathWeight([1, 3, 1]));
  });

  it('sums the paths of each target, sorts by score, and explains the best path from the target end', () => {
    const company = node('Company', '讯飞');
    const model = node('Model', '讯飞医疗');
    const health = node('Industry', '医疗');
    const general = node('Industry', '通用');
    const local = node('Policy', '医疗政策');
    const national = node('Policy', '国策');
    const links = rankLinks([
      {
        path: {
          nodes: [company, model, general, national],
          rels: [rel('DEVELOPS', true), rel('SERVES', true), rel('PROMOTES', false)],
        },
        degrees: [2, 3, 40, 2],
      },
      {
        path: {
          nodes: [company, model, health, local],
          rels: [rel('DEVELOPS', true), rel('SERVES', true), rel('PROMOTES', false)],
        },
        degrees: [2, 3, 2, 2],
      },
    ]);
    expect(links.map((l) => l.target.name)).toEqual(['医疗政策', '国策']);
    expect(links[0].score).toBeCloseTo(pathWeight([2, 3, 2, 2]), 12);
    expect(links[0].reason).toBe('推动 医疗 — 讯飞 -开发-> 讯飞医疗 -服务于-> 医疗');
    expect(links[0].reasonEn).toBe('promotes 医疗 — 讯飞 -develops-> 讯飞医疗 -serves-> 医疗');
  });

  it('a one-hop link is its own reason; a forward last step reads subject first', () => {
    const a = node('Company', '甲');
    const r = node('Region', '北京市');
    expect(reason({ nodes: [a, r], rels: [rel('BASED_IN', true)] }, 'zh')).toBe('甲 -位于-> 北京市');
    const m = node('Model', '模型');
    expect(reason({ nodes: [a, m, r], rels: [rel('DEVELOPS', true), rel('FILED_IN', true)] }, 'zh')).toBe(
      '模型 备案于 — 甲 -开发-> 模型',
    );
  });
});

describe('links that may rank among the first, before every degree is known (a top-k with bounds)', () => {
  /** A small seeded generator, so a failure names the graph that shows it. */
  const seeded = (seed: number) => () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  /**
   * A random answer: targets reached by 1-3 paths of 1-4 hops through a pool of inner nodes, each
   * inner node with a degree (a few hubs among them) that the walk counted or not, and a count of
   * relationships seen at it no greater than its degree.
   */
  function answer(seed: number) {
    const random = seeded(seed);
    const pick = (n: number) => Math.floor(random() * n);
    const inner = Array.from({ length: 40 }, (_, i) => {
      const degree = random() < 0.15 ? 1000 + pick(50_000) : 2 + pick(30);
      return { id: `n${i}`, degree, known: random() < 0.7, seen: 2 + pick(degree - 1) };
    });
    const paths: { nodes: string[]; hops: number }[] = [];
    const targets = 5 + pick(60);
    for (let t = 0; t < targets; t++)
      for (let k = 1 + pick(3); k > 0; k--) {
        const hops = 1 + pick(4);
        const mid = Array.from({ length: hops - 1 }, () => inner[pick(inner.length)].id);
        paths.push({ nodes: ['start', ...new Set(mid), `t${String(t).padStart(2, '0')}`], hops });
      }
    const byId = new Map(inner.map((n) => [n.id, n]));
    return {
      paths,
      degree: (id: string) => (byId.get(id)?.known ? byId.get(id)?.degree : undefined),
      seen: (id: string) => byId.get(id)?.seen ?? 2,
      trueDegree: (id: string) => byId.get(id)?.degree ?? 1,
    };
  }

  const ranked = (paths: { nodes: string[] }[], first: number, trueDegree: (id: string) => number) =>
    rankLinks(
      paths.map((p) => ({
        path: {
          nodes: p.nodes.map((id) => node(id.startsWith('t') ? 'Policy' : 'Industry', id)),
          rels: p.nodes.slice(1).map(() => rel('PROMOTES', false)),
        },
        degrees: p.nodes.map(trueDegree),
      })),
      first,
    ).map((l) => [l.target.key, l.score, l.paths.length]);

  it('ranks what it keeps exactly as everything ranks, and keeps fewer where a few targets lead (300 random answers)', () => {
    let pruned = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const a = answer(seed);
      for (const first of [0, 1, 3, 10, 100]) {
        const kept = mayRank(a.paths, first, a.degree, a.seen);
        expect([seed, first, ranked(kept, first, a.trueDegree)]).toEqual([
          seed,
          first,
          ranked(a.paths, first, a.trueDegree),
        ]);
        if (kept.length < a.paths.length) pruned++;
      }
    }
    // The bound has to do something for the test to mean anything.
    expect(pruned).toBeGreaterThan(300);
  });

  it('keeps every path when there are no more targets than asked for, and none when none are asked for', () => {
    const a = answer(7);
    const targets = new Set(a.paths.map((p) => p.nodes[p.nodes.length - 1])).size;
    expect(mayRank(a.paths, targets, a.degree, a.seen)).toEqual(a.paths);
    expect(mayRank(a.paths, 0, a.degree, a.seen)).toEqual([]);
  });
});
