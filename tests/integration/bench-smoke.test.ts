import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operations } from '../../scripts/bench/operations';
import { cypher } from '../../src/db/cypher';
import { generate } from '../../src/synthetic/generate';
import { type TestApi, testApi } from '../support/api';
import { freePort, runTs } from '../support/processes';
import { resetData } from '../support/reset';

jest.setTimeout(180_000);

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(async () => {
  await resetData(api.db);
  await api.close();
});

// Small runs of the generator and the benchmark harness, so neither can rot; full runs stay out of CI.
describe('synthetic register', () => {
  it('generates a labelled register idempotently, never mixed into real answers', async () => {
    const before = await api.gql(
      '{ models { totalCount } companies { totalCount } filingsByRegion { totalCounted } search(text: "合成") { node { name } } }',
    );
    const first = await generate(api.db, { scale: 0.5 });
    expect(first.models).toBe(173);
    const [counts] = await api.db.read(cypher('synthetic/count'));
    await generate(api.db, { scale: 0.5 });
    expect((await api.db.read(cypher('synthetic/count')))[0]).toEqual(counts);
    expect(counts).toEqual({ models: 173, companies: 43 });

    const after = await api.gql(
      '{ models { totalCount } companies { totalCount } filingsByRegion { totalCounted } search(text: "合成") { node { name } } }',
    );
    expect(after.data).toEqual(before.data);
    const synthetic = await api.gql(
      '{ models(where: { synthetic: true }) { totalCount } filingsByRegion(synthetic: true, rankBy: COUNTED, asOf: "2099-12-31") { totalCounted rows { label counted } } }',
    );
    expect(synthetic.data.models.totalCount).toBe(173);
    expect(synthetic.data.filingsByRegion.totalCounted).toBe(173);
    const counted = synthetic.data.filingsByRegion.rows.map((r: any) => r.counted);
    expect(counted).toEqual([...counted].sort((a: number, b: number) => b - a));
    expect(counted.reduce((a: number, b: number) => a + b, 0)).toBe(173);
  });

  it('serves statistics from the cache until a write changes the graph', async () => {
    const q = '{ filingsByRegion(synthetic: true, asOf: "2099-12-31") { totalCounted } }';
    await api.gql(q);
    const cachedRun = await api.gql(q);
    expect(cachedRun.files).toEqual(['graph/version']);
    await generate(api.db, { scale: 0.6 });
    const fresh = await api.gql(q);
    expect(fresh.files).toContain('statistics/breakdown');
    expect(fresh.data.filingsByRegion.totalCounted).toBe(173 + 208);
  });
});

describe('benchmark harness', () => {
  it('runs every operation three ways and writes JSON, Markdown and a PNG chart', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-'));
    const child = runTs(
      'scripts/bench.ts',
      ['--scale', '0.6', '--keep-data', '--seconds', '0.2', '--concurrency', '1,2', '--out', out],
      { NEO4J_URI: process.env.NEO4J_URI! },
    );
    await child.succeeded();
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.replace(/^bench-\d{4}-\d{2}-\d{2}-/, ''))).toEqual(['0.6x.json', '0.6x.md', '0.6x.png']);
    const result = JSON.parse(readFileSync(join(out, files[0]), 'utf8'));
    expect(result.machine.neo4j).toMatch(/^\d+\.\d+\.\d+ community \((NEO4J_URI|bundled)\)/);
    // Each operation three ways (two where @neo4j/graphql cannot express it) at two concurrencies.
    const ways = operations(0.6).reduce((s, o) => s + (o.neo4jGraphql ? 3 : 2), 0);
    expect(ways).toBe(9 * 3 - 1);
    expect(result.cells).toHaveLength(ways * 2);
    for (const cell of result.cells) {
      expect(cell.errors).toBe(0);
      expect(cell.requests).toBeGreaterThan(0);
    }
    const apiTrips = result.cells.filter((c: any) => c.way === 'api').map((c: any) => c.roundTripsPerRequest);
    // Counted from the server's /metrics (regression: private in production, so it read 0).
    for (const trips of apiTrips) expect(trips).toBeGreaterThanOrEqual(1);
    for (const trips of apiTrips) expect(trips).toBeLessThanOrEqual(4);
    expect(readFileSync(join(out, files[2])).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('import benchmark harness', () => {
  it('imports a synthetic filing list into a scratch Neo4j of its own, twice, and records the timings', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bench-import-'));
    const port = await freePort();
    const child = runTs(
      'scripts/bench-import.ts',
      ['--rows', '500', '--batch', '200', '--port', String(port), '--out', out],
      {},
    );
    await child.succeeded();
    const files = readdirSync(out).sort();
    expect(files.map((f) => f.replace(/^import-\d{4}-\d{2}-\d{2}/, ''))).toEqual(['.json', '.md']);
    const result = JSON.parse(readFileSync(join(out, files[0]), 'utf8'));
    expect(result.runs.map((r: any) => [r.label, r.report.valid, r.report.errors])).toEqual([
      ['first import', 500, 0],
      ['rerun (nothing changes)', 500, 0],
    ]);
    expect(result.graph).toMatchObject({ models: 500, develops: 500, filedIn: 500 });
    // The server's version as it reports it, not a hard-coded one.
    expect(result.machine.neo4j).toMatch(/^\d+\.\d+\.\d+ community \(bundled scratch server/);
    for (const run of result.runs) expect(run.totalMs).toBeGreaterThan(0);
    // The scratch server is gone, and the test database never saw the list.
    expect(child.output()).toMatch(/stopped in/);
    const [mine] = await api.db.read(cypher('filing/source-counts'), { source: 'bench-import' });
    expect(Number(mine.models)).toBe(0);
  });
});
