import type { ClaimRow } from '../claim/rows';
import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import { DEFAULT_PAGE, pageSize } from '../entity/paging';
import type { EntityRow } from '../entity/rows';
import { badInput } from '../errors';
import { type CategoryStatRow, rankCategories, type StatRank } from './rank';

export interface BreakdownRow {
  dimension: string;
  rankedBy: StatRank;
  asOf: string | null;
  totalCounted: number;
  undated: number;
  uncategorized: number;
  statedTotal: ClaimRow | null;
  coverage: number | null;
  coverageNote: string | null;
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
  region: {
    label: 'Region',
    pattern: '<-[:FILED_IN]-',
    scope: 'statistics/scope-filing-region',
    metrics: ['FILINGS_COUNT', 'FILINGS_SHARE', 'FILINGS_COUNT_IN_RANGE'],
  },
  cluster: {
    label: 'Cluster',
    pattern: '<-[:PART_OF]-(:Region)<-[:FILED_IN]-',
    scope: 'statistics/scope-all',
    metrics: ['FILINGS_COUNT', 'FILINGS_SHARE'],
  },
  industry: {
    label: 'Industry',
    pattern: '<-[:SERVES]-',
    scope: 'statistics/scope-all',
    metrics: ['FILINGS_COUNT', 'FILINGS_SHARE', ...GROWTH],
  },
  scenario: {
    label: 'Scenario',
    pattern: '<-[:APPLIED_IN]-',
    scope: 'statistics/scope-all',
    metrics: ['FILINGS_COUNT', 'FILINGS_SHARE', ...GROWTH],
  },
  enterpriseType: {
    label: 'EnterpriseType',
    pattern: '<-[:HAS_TYPE]-(:Company)-[:DEVELOPS]->',
    scope: 'statistics/scope-all',
    metrics: ['ENTERPRISE_TYPE_SHARE', 'FUNDED_SHARE', 'LISTED_SHARE'],
  },
} satisfies Record<string, Dimension>;

const PERIOD_METRICS = ['FILINGS_IN_PERIOD', 'FIRST_BATCH_FILINGS'];
const TIMELINE_METRICS = [
  'CUMULATIVE_FILINGS',
  'CUMULATIVE_REGISTRATIONS',
  'FILINGS_IN_PERIOD',
  'FIRST_BATCH_FILINGS',
  'FILINGS_IN_BATCH',
  'REGISTRATIONS_IN_BATCH',
];

/** The newest stated national total not after the date (totals come newest first), else the newest. */
export function statedTotalAsOf(totals: ClaimRow[], asOf: string | null): ClaimRow | null {
  return (asOf ? totals.find((t) => t.asOf && t.asOf <= asOf) : totals[0]) ?? null;
}

/** How partial a count is against the stated total: a share, and the same in words. */
export function coverageOf(
  counted: number,
  total: ClaimRow | null,
  asOf: string | null,
): { coverage: number | null; coverageNote: string | null } {
  if (!total || typeof total.value !== 'number' || total.value <= 0) return { coverage: null, coverageNote: null };
  const coverage = counted / total.value;
  const when = asOf ? ` as of ${asOf}` : '';
  return {
    coverage,
    coverageNote: `counted ${counted} of the stated ${total.value} (${(coverage * 100).toFixed(1)}%)${when}; stated total as of ${total.asOf}`,
  };
}

export async function breakdown(
  db: Database,
  meter: QueryMeter,
  dimension: keyof typeof DIMENSIONS,
  rankBy: StatRank,
  asOfArg: string | null = null,
): Promise<BreakdownRow> {
  const d: Dimension = DIMENSIONS[dimension];
  const [rows, totals] = await Promise.all([
    db.read(
      cypher('statistics/breakdown', { label: d.label, pattern: d.pattern, scope: d.scope }),
      { metrics: d.metrics, asOf: asOfArg },
      { meter },
    ),
    db.read<{ claim: ClaimRow }>(cypher('statistics/cumulative-totals'), {}, { meter }),
  ]);
  const asOf = (rows[0]?.asOf as string | null | undefined) ?? asOfArg;
  const totalCounted = Number(rows[0]?.total ?? 0);
  const categorized = Number(rows[0]?.categorized ?? 0);
  const inputs = rows.map((r) => ({
    category: r.category as EntityRow,
    label: String(r.label),
    counted: Number(r.counted),
    stated: r.stated as ClaimRow[],
  }));
  const statedTotal = statedTotalAsOf(
    totals.map((t) => t.claim),
    asOf,
  );
  return {
    dimension,
    rankedBy: rankBy,
    asOf,
    totalCounted,
    undated: Number(rows[0]?.undated ?? 0),
    uncategorized: totalCounted - categorized,
    statedTotal,
    ...coverageOf(totalCounted, statedTotal, asOf),
    rows: rankCategories(inputs, totalCounted, rankBy),
  };
}

export async function overTime(
  db: Database,
  meter: QueryMeter,
  granularity: 'MONTH' | 'YEAR',
  asOf: string | null = null,
): Promise<BreakdownRow> {
  const [rows, totals] = await Promise.all([
    db.read(
      cypher('statistics/over-time'),
      { length: granularity === 'MONTH' ? 7 : 4, metrics: PERIOD_METRICS, asOf },
      { meter },
    ),
    db.read<{ claim: ClaimRow }>(cypher('statistics/cumulative-totals'), {}, { meter }),
  ]);
  const totalCounted = Number(rows[0]?.total ?? 0);
  const inputs = rows.map((r) => ({
    category: null,
    label: String(r.label),
    counted: Number(r.counted),
    stated: r.stated as ClaimRow[],
  }));
  const ranked = rankCategories(inputs, totalCounted, 'COUNTED').sort((a, b) => a.label.localeCompare(b.label));
  const statedTotal = statedTotalAsOf(
    totals.map((t) => t.claim),
    asOf,
  );
  for (const [i, r] of ranked.entries()) r.rank = i + 1;
  return {
    dimension: granularity === 'MONTH' ? 'month' : 'year',
    rankedBy: 'COUNTED',
    asOf,
    totalCounted,
    undated: Number(rows[0]?.undated ?? 0),
    uncategorized: totalCounted - inputs.reduce((s, r) => s + r.counted, 0),
    statedTotal,
    ...coverageOf(totalCounted, statedTotal, asOf),
    rows: ranked,
  };
}

export async function timeline(db: Database, meter: QueryMeter, asOf: string | null = null): Promise<ClaimRow[]> {
  const rows = await db.read<{ claim: ClaimRow }>(
    cypher('statistics/timeline'),
    { metrics: TIMELINE_METRICS, asOf },
    { meter },
  );
  return rows.map((r) => r.claim);
}

export interface ChangesRow {
  from: string;
  to: string;
  filingCount: number;
  filings: EntityRow[];
  companyCount: number;
  companies: EntityRow[];
  policyCount: number;
  policies: EntityRow[];
  byRegion: { entity: EntityRow; label: string; count: number }[];
  byIndustry: { entity: EntityRow; label: string; count: number }[];
}

/** What the register gained after `from` up to and including `to`. */
export async function changes(
  db: Database,
  meter: QueryMeter,
  args: { from: string; to: string; first?: number | null },
): Promise<ChangesRow> {
  if (args.to < args.from) throw badInput('to', `must not be before "from" (${args.from})`, { value: args.to });
  const first = pageSize(args.first, DEFAULT_PAGE);
  const [row] = await db.read<Omit<ChangesRow, 'from' | 'to'>>(
    cypher('statistics/changes'),
    { from: args.from, to: args.to, first },
    { meter },
  );
  return { from: args.from, to: args.to, ...row };
}
