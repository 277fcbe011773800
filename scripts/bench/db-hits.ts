/**
 * The deterministic guard (issue 24): each benchmark operation, and every other traversal field,
 * run once through the API with its reads under PROFILE, recording the database hits their plans
 * report and the statements (round trips) the request took. Unlike a time, both are the same on a
 * busy machine and an idle one, so a plan regression shows in `npm test`
 * (tests/integration/bench-smoke.test.ts compares with bench/results/db-hits-0.5x.json).
 */
import type { App } from '../../src/app';
import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/database';
import { toGlobalId } from '../../src/graph/ids';
import { generatedCompanies } from '../../src/synthetic/generate';
import { operations } from './operations';

export interface Work {
  operation: string;
  roundTrips: number;
  dbHits: number;
}

/** The benchmark's operations and every traversal field beside them (links to each type, k paths, a subgraph, as-of). */
export function guardedOperations(scale: number): { name: string; api: string }[] {
  const company = toGlobalId('Company', generatedCompanies(scale)[0].key);
  const policy = toGlobalId('Policy', '《生成式人工智能服务管理暂行办法》');
  const region = toGlobalId('Region', '110000');
  const links = ['MODEL', 'COMPANY', 'REGION', 'CLUSTER', 'INDUSTRY', 'SCENARIO', 'ENTERPRISE_TYPE', 'POLICY'].map(
    (type) => ({
      name: `links to ${type}`,
      api: `{ links(from: "${company}", targetType: ${type}, first: 10) { target { key } score } }`,
    }),
  );
  return [
    ...operations(scale).map((op) => ({ name: op.name, api: op.api })),
    ...links,
    {
      name: 'company policies as of a date',
      api: `{ companyPolicies(company: "${company}", asOf: "2024-06-30") { target { key } rule } }`,
    },
    { name: 'k shortest paths', api: `{ shortestPaths(from: "${company}", to: "${policy}", k: 3) { length } }` },
    {
      name: 'shortest path as of a date',
      api: `{ shortestPath(from: "${company}", to: "${policy}", asOf: "2024-06-30") { length } }`,
    },
    {
      name: 'subgraph of three',
      api: `{ subgraph(ids: ["${company}", "${policy}", "${region}"]) { nodes { id } edges { id } } }`,
    },
  ];
}

/**
 * Each operation run twice (the first warms the caches a steady server holds, the statistics
 * cache among them), the second measured: round trips and database hits. The indexes are
 * resampled first: plans made from statistics sampled midway through loading differ from run to
 * run (the nested list read 1,568 or 10,875 hits on the same data).
 */
export async function measureWork(app: App, db: Database, ops: { name: string; api: string }[]): Promise<Work[]> {
  await db.autoCommit(cypher('graph/prepare-for-replanning'));
  const run = async (query: string, profile: boolean) => {
    const context = app.context();
    context.meter.profile = profile;
    const response = await app.apollo.executeOperation({ query }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    const errors = response.body.singleResult.errors;
    if (errors?.length) throw new Error(`${query}: ${errors[0].message}`);
    return { roundTrips: context.meter.roundTrips, dbHits: context.meter.dbHits };
  };
  const out: Work[] = [];
  for (const op of ops) {
    await run(op.api, false);
    out.push({ operation: op.name, ...(await run(op.api, true)) });
  }
  return out;
}

/** Where measured work departs from the baseline: round trips exactly, database hits beyond the tolerance. */
export function departures(baseline: Work[], measured: Work[], tolerance = 0.1): string[] {
  const out: string[] = [];
  const byName = new Map(baseline.map((w) => [w.operation, w]));
  for (const w of measured) {
    const b = byName.get(w.operation);
    if (!b) {
      out.push(`${w.operation}: not in the baseline (record it: UPDATE_DB_HITS=1)`);
      continue;
    }
    if (w.roundTrips !== b.roundTrips)
      out.push(`${w.operation}: ${w.roundTrips} round trips, baseline ${b.roundTrips}`);
    const allowed = Math.max(20, b.dbHits * tolerance);
    if (Math.abs(w.dbHits - b.dbHits) > allowed)
      out.push(`${w.operation}: ${w.dbHits} db hits, baseline ${b.dbHits} (±${Math.round(allowed)})`);
  }
  for (const b of baseline)
    if (!measured.some((w) => w.operation === b.operation)) out.push(`${b.operation}: in the baseline, not measured`);
  return out;
}
