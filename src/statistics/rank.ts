import type { ClaimRow } from '../claim/rows';
import type { EntityRow } from '../entity/rows';

export type StatRank = 'STATED' | 'COUNTED';

export interface CategoryInput {
  category: EntityRow | null;
  label: string;
  counted: number;
  stated: ClaimRow[];
}

export interface CategoryStatRow extends CategoryInput {
  rank: number;
  countedShare: number;
  statedCount: number | null;
  statedShare: number | null;
}

const COUNT_METRICS = new Set(['FILINGS_COUNT', 'FILINGS_IN_PERIOD', 'FIRST_BATCH_FILINGS']);
const SHARE_METRICS = new Set(['FILINGS_SHARE', 'ENTERPRISE_TYPE_SHARE']);

function firstValue(claims: ClaimRow[], metrics: Set<string>): number | null {
  const claim = claims.find((c) => metrics.has(c.metric) && typeof c.value === 'number');
  return claim ? (claim.value as number) : null;
}

const desc = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);

/**
 * Shares and ranks for a breakdown. Ranking by stated figures orders by the numbers a
 * source gives (never by the order of its table), then by the counted figure.
 * Categories with nothing counted and nothing stated are left out.
 */
export function rankCategories(inputs: CategoryInput[], totalCounted: number, rankBy: StatRank): CategoryStatRow[] {
  const rows = inputs
    .filter((r) => r.counted > 0 || r.stated.length > 0)
    .map((r) => ({
      ...r,
      rank: 0,
      countedShare: totalCounted > 0 ? r.counted / totalCounted : 0,
      statedCount: firstValue(r.stated, COUNT_METRICS),
      statedShare: firstValue(r.stated, SHARE_METRICS),
    }));
  rows.sort((a, b) => {
    if (rankBy === 'STATED') {
      const byStated = desc(a.statedCount, b.statedCount) || desc(a.statedShare, b.statedShare);
      if (byStated) return byStated;
    }
    return b.counted - a.counted || a.label.localeCompare(b.label, 'zh');
  });
  for (const [i, r] of rows.entries()) r.rank = i + 1;
  return rows;
}
