import type { ClaimRow } from '../../src/claim/rows';
import { rankCategories } from '../../src/statistics/rank';

const claim = (metric: string, value: number): ClaimRow => ({
  __label: 'Claim',
  key: metric + value,
  metric,
  value,
  comparator: 'EQ',
  unit: 'COUNT',
  quote: '',
  sourceKey: 's',
});

describe('ranking breakdowns', () => {
  const inputs = [
    { category: null, label: '广东', counted: 1, stated: [claim('FILINGS_COUNT', 45)] },
    { category: null, label: '上海', counted: 4, stated: [claim('FILINGS_COUNT', 66)] },
    { category: null, label: '央企', counted: 12, stated: [] },
    { category: null, label: '西藏', counted: 0, stated: [] },
  ];

  it('ranks by the stated numbers, never by table order, then by counts', () => {
    const rows = rankCategories(inputs, 20, 'STATED');
    expect(rows.map((r) => r.label)).toEqual(['上海', '广东', '央企']);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('ranks by counted filings and computes shares of the counted total', () => {
    const rows = rankCategories(inputs, 20, 'COUNTED');
    expect(rows.map((r) => r.label)).toEqual(['央企', '上海', '广东']);
    expect(rows[0].countedShare).toBeCloseTo(0.6);
  });
});
