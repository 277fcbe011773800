import type { ClaimRow } from '../claim/rows';
import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { EntityRow } from '../entity/rows';
import { rankCategories, type CategoryStatRow, type StatRank } from './rank';

export interface BreakdownRow {
  dimension: string;
  rankedBy: StatRank;
  totalCounted: number;
  uncategorized: number;
  statedTotal: ClaimRow | null;
  rows: CategoryStatRow[];
}

interface Dimension {
  label: string;
  pattern: string;
  scope: string;
  metrics: string[];
}

const GROWTH = ['FILINGS_GROWTH', 'FILINGS_GROWTH_FORECAST'];
export const DIMENSIONS = {
  region: { label: 'Region', pattern: '<-[:FILED_IN]-', scope: 'statistics/scope-filing-region', metrics: ['FILINGS_COUNT', 'FILINGS_SHARE'] },
  cluster: { label: 'Cluster', pattern: '<-[:PART_OF]-(:Region)<-[:FILED_IN]-', scope: 'statistics/scope-all', metrics: ['FILINGS_COUNT', 'FILINGS_SHARE'] },
  industry: { label: 'Industry', pattern: '<-[:SERVES]-', scope: 'statistics/scope-all', metrics: ['FILINGS_COUNT', 'FILINGS_SHARE', ...GROWTH] },
  scenario: { label: 'Scenario', pattern: '<-[:APPLIED_IN]-', scope: 'statistics/scope-all', metrics: ['FILINGS_COUNT', 'FILINGS_SHARE', ...GROWTH] },
  enterpriseType: {
    label: 'EnterpriseType',
    pattern: '<-[:HAS_TYPE]-(:Company)-[:DEVELOPS]->',
    scope: 'statistics/scope-all',
    metrics: ['ENTERPRISE_TYPE_SHARE', 'FUNDED_SHARE', 'LISTED_SHARE'],
  },
} satisfies Record<string, Dimension>;

const PERIOD_METRICS = ['FILINGS_IN_PERIOD', 'FIRST_BATCH_FILINGS'];
const TIMELINE_METRICS = ['CUMULATIVE_FILINGS', 'CUMULATIVE_REGISTRATIONS', 'FILINGS_IN_PERIOD', 'FIRST_BATCH_FILINGS'];

/** The stated national total for the date the breakdown's stated figures hold, else the latest. */
function statedTotalFor(totals: ClaimRow[], stated: ClaimRow[]): ClaimRow | null {
  const asOf = stated.find((c) => c.asOf)?.asOf;
  return totals.find((t) => asOf && t.asOf === asOf) ?? totals[0] ?? null;
}

export async function breakdown(db: Database, meter: QueryMeter, dimension: keyof typeof DIMENSIONS, rankBy: StatRank, synthetic = false): Promise<BreakdownRow> {
  const d: Dimension = DIMENSIONS[dimension];
  const [rows, totals] = await Promise.all([
    db.read(cypher('statistics/breakdown', { label: d.label, pattern: d.pattern, scope: d.scope }), { metrics: d.metrics, synthetic }, { meter }),
    db.read(cypher('statistics/cumulative-totals'), {}, { meter }),
  ]);
  const totalCounted = Number(rows[0]?.total ?? 0);
  const categorized = Number(rows[0]?.categorized ?? 0);
  const inputs = rows.map((r) => ({
    category: r.category as EntityRow,
    label: String(r.label),
    counted: Number(r.counted),
    stated: r.stated as ClaimRow[],
  }));
  return {
    dimension,
    rankedBy: rankBy,
    totalCounted,
    uncategorized: totalCounted - categorized,
    statedTotal: statedTotalFor(totals.map((t) => t.claim as ClaimRow), inputs.flatMap((i) => i.stated)),
    rows: rankCategories(inputs, totalCounted, rankBy),
  };
}

export async function overTime(db: Database, meter: QueryMeter, granularity: 'MONTH' | 'YEAR', synthetic = false): Promise<BreakdownRow> {
  const rows = await db.read(cypher('statistics/over-time'), { length: granularity === 'MONTH' ? 7 : 4, metrics: PERIOD_METRICS, synthetic }, { meter });
  const totalCounted = Number(rows[0]?.total ?? 0);
  const inputs = rows.map((r) => ({ category: null, label: String(r.label), counted: Number(r.counted), stated: r.stated as ClaimRow[] }));
  const ranked = rankCategories(inputs, totalCounted, 'COUNTED').sort((a, b) => a.label.localeCompare(b.label));
  ranked.forEach((r, i) => (r.rank = i + 1));
  return {
    dimension: granularity === 'MONTH' ? 'month' : 'year',
    rankedBy: 'COUNTED',
    totalCounted,
    uncategorized: totalCounted - inputs.reduce((s, r) => s + r.counted, 0),
    statedTotal: null,
    rows: ranked,
  };
}

export async function timeline(db: Database, meter: QueryMeter): Promise<ClaimRow[]> {
  const rows = await db.read(cypher('statistics/timeline'), { metrics: TIMELINE_METRICS }, { meter });
  return rows.map((r) => r.claim as ClaimRow);
}
