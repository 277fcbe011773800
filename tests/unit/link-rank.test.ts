import type { EntityRow, RelRow } from '../../src/entity/rows';
import { pathWeight, rankLinks, reason } from '../../src/path/rank';

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
