import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instance, start, stop } from '../../src/db/bundled-neo4j';
import { type TestApi, testApi } from '../support/api';
import { type Child, freePort, runTs } from '../support/processes';
import { resetData } from '../support/reset';

jest.setTimeout(240_000);

const FAULT_PORT = Number(process.env.NEO4J_FAULT_BOLT_PORT ?? 7689);
const faultNeo4j = instance(FAULT_PORT);

async function gql(base: string, query: string) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: JSON.parse(await res.text()) };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitReady(base: string, server?: Child, timeoutMs = 90_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const res = await fetch(`${base}/health/ready`).catch(() => null);
    if (res?.status === 200) return;
    await sleep(250);
  }
  throw new Error(`server never became ready; its output:\n${server?.output().slice(-3000) ?? ''}`);
}

describe('Neo4j down at start, stopped and restarted under traffic', () => {
  let server: Child;
  let base: string;

  beforeAll(async () => {
    await stop(faultNeo4j);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = runTs('src/server.ts', [], {
      PORT: String(port),
      NEO4J_URI: `bolt://127.0.0.1:${FAULT_PORT}`,
      LOAD_DATA: 'true',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    });
    await server.waitFor('GraphQL at');
  });

  afterAll(async () => {
    server.process.kill('SIGTERM');
    await server.exited;
    await stop(faultNeo4j);
  });

  it('starts anyway: alive, not ready, and GraphQL says SERVICE_UNAVAILABLE', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    const r = await gql(base, '{ models(first: 1) { totalCount } }');
    expect(r.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('recovers by itself when Neo4j comes up, loading its data', async () => {
    await start(faultNeo4j);
    await waitReady(base, server);
    const r = await gql(base, '{ companyByName(name: "百度") { models { totalCount } } }');
    expect(r.body.data.companyByName.models.totalCount).toBe(2);
  });

  it('never answers wrongly while Neo4j is stopped and restarted under traffic', async () => {
    const query = '{ companyByName(name: "百度") { name models { totalCount } } }';
    const expected = { companyByName: { name: '北京百度网讯科技有限公司', models: { totalCount: 2 } } };
    const outcomes: string[] = [];
    const took: { ms: number; sent: string; answered: string }[] = [];
    let running = true;
    let phase = 'up';
    const worker = async () => {
      while (running) {
        const sent = phase;
        const began = Date.now();
        const r = await gql(base, query).catch((e: Error) => ({ status: 0, body: { transport: e.message } }));
        took.push({ ms: Date.now() - began, sent, answered: phase });
        if (r.body.data && JSON.stringify(r.body.data) === JSON.stringify(expected)) outcomes.push('ok');
        else if (r.body.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE') outcomes.push('unavailable');
        else
          outcomes.push(
            `WRONG (sent while ${sent}, answered while ${phase}) ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`,
          );
        await sleep(20);
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    try {
      await sleep(1000);
      phase = 'stopping';
      await stop(faultNeo4j);
      phase = 'down';
      await sleep(1000);
      phase = 'starting';
      await start(faultNeo4j);
      phase = 'started';
      await waitReady(base, server);
      phase = 'ready';
      // A restarted server is cold (plans, page cache, JIT): answers may stay SERVICE_UNAVAILABLE
      // for a while on a loaded machine, then must be right again.
      const until = Date.now() + 60_000;
      while (Date.now() < until && !(outcomes.length >= 8 && outcomes.slice(-8).every((o) => o === 'ok')))
        await sleep(250);
    } finally {
      running = false;
      await Promise.all(workers);
    }
    const wrong = outcomes.filter((o) => o.startsWith('WRONG'));
    // QUERY_TIMEOUT would be wrong too: the query did not run past its limit, the server stopped.
    expect(wrong).toEqual([]);
    expect(outcomes.filter((o) => o === 'unavailable').length).toBeGreaterThan(0);
    expect(outcomes.slice(-4)).toEqual(['ok', 'ok', 'ok', 'ok']);
    // With the default 5 s statement timeout, no request waited for it: an outage is told within 6 s.
    expect(took.filter((t) => t.ms >= 6_000)).toEqual([]);
  });
});

describe('a frozen Neo4j (SIGSTOP): every request has a deadline', () => {
  let server: Child;
  let base: string;
  const pid = () => Number(readFileSync(faultNeo4j.pidFile, 'utf8'));

  beforeAll(async () => {
    await start(faultNeo4j);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = runTs('src/server.ts', [], {
      PORT: String(port),
      NEO4J_URI: `bolt://127.0.0.1:${FAULT_PORT}`,
      LOG_LEVEL: 'info',
    });
    await server.waitFor('GraphQL at');
    await waitReady(base, server);
  });

  afterAll(async () => {
    process.kill(pid(), 'SIGCONT');
    server.process.kill('SIGTERM');
    await server.exited;
    await stop(faultNeo4j);
  });

  it('answers every request SERVICE_UNAVAILABLE within 6 s (the statement timeout is 5 s), not QUERY_TIMEOUT, and readiness within a second', async () => {
    process.kill(pid(), 'SIGSTOP');
    try {
      const started = Date.now();
      // A lookup, a request of several statements and a statistics read, all at once.
      const answers = await Promise.all(
        [
          '{ companyByName(name: "智谱") { name } }',
          '{ companies(first: 5) { nodes { name models(first: 3) { nodes { name } } } } }',
          '{ filingsByRegion { rows { label } } }',
        ].map(async (query) => ({ r: await gql(base, query), took: Date.now() - started })),
      );
      for (const { r, took } of answers) {
        expect(r.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(took).toBeLessThan(6_000);
      }
      // Known to be down: the next request is told at once, without waiting on the server.
      const next = Date.now();
      const again = await gql(base, '{ companyByName(name: "百度") { name } }');
      expect(again.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - next).toBeLessThan(1_000);
      const ready = Date.now();
      expect((await fetch(`${base}/health/ready`)).status).toBe(503);
      expect(Date.now() - ready).toBeLessThan(1500);
    } finally {
      process.kill(pid(), 'SIGCONT');
    }
    await waitReady(base, server);
    // Thawed, it answers rightly again; until then only SERVICE_UNAVAILABLE.
    const codes: string[] = [];
    for (const until = Date.now() + 60_000; Date.now() < until; await sleep(250)) {
      const r = await gql(base, '{ companyByName(name: "智谱") { name } }');
      if (r.body.data?.companyByName?.name === '北京智谱华章科技有限公司') break;
      codes.push(r.body.errors?.[0]?.extensions?.code ?? JSON.stringify(r.body));
    }
    expect(new Set(codes)).toEqual(new Set(codes.length ? ['SERVICE_UNAVAILABLE'] : []));
    expect((await gql(base, '{ companyByName(name: "智谱") { name } }')).body.data.companyByName.name).toBe(
      '北京智谱华章科技有限公司',
    );
  });

  it('answers QUERY_TIMEOUT when the query itself runs past its limit on a server that answers, promptly', async () => {
    const api = await testApi({ QUERY_TIMEOUT_MS: '300', NEO4J_URI: `bolt://127.0.0.1:${FAULT_PORT}` });
    try {
      const slow = { file: 'test/slow', text: 'UNWIND range(1, 400000000) AS x RETURN sum(x) AS s' };
      const started = Date.now();
      await expect(api.db.read(slow)).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
      // Neo4j looks for timed-out transactions every 100 ms here, not every 2 s (regression: a
      // 100 ms limit stopped a count after 876 ms).
      expect(Date.now() - started).toBeLessThan(1_500);
      // Its own limit: this API's 300 ms is for the slow statement (regression: SHOW SETTINGS ran past it with a core busy).
      const [interval] = await api.db.read(
        {
          file: 'test/monitor-interval',
          text: "SHOW SETTINGS YIELD name, value WHERE name = 'db.transaction.monitor.check.interval' RETURN value",
        },
        {},
        { timeoutMs: 30_000 },
      );
      expect(interval).toEqual({ value: '100ms' });
    } finally {
      await api.close();
    }
  });
});

describe('SIGTERM', () => {
  it('drains in-flight requests, then closes the driver and exits 0', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // A generous timeout: this is about draining, and on a loaded machine 20 of these take a while.
    const server = runTs('src/server.ts', [], {
      PORT: String(port),
      NEO4J_URI: process.env.NEO4J_URI!,
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
      QUERY_TIMEOUT_MS: '60000',
    });
    await server.waitFor('GraphQL at');
    await waitReady(base, server);
    const inFlight = Array.from({ length: 20 }, () =>
      gql(base, '{ companies(first: 50) { nodes { models(first: 20) { nodes { industries { nodes { name } } } } } } }'),
    );
    // Long enough for the requests to reach the server, short enough that most are still running.
    await sleep(100);
    server.process.kill('SIGTERM');
    await sleep(300);
    // Still listening during the grace period, but no longer ready: load balancers stop sending.
    expect((await fetch(`${base}/health/ready`, { headers: { connection: 'close' } })).status).toBe(503);
    const results = await Promise.all(
      inFlight.map((p) =>
        p.catch((e: Error & { cause?: { code?: string } }) => ({
          status: e.cause?.code ?? e.message,
          body: null as any,
        })),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    for (const r of results) expect([r.body.errors, r.body.data?.companies.nodes.length]).toEqual([undefined, 50]);
    expect(await server.exited).toBe(0);
    const output = server.output();
    const drainAt = output.indexOf('draining in-flight requests');
    expect(drainAt).toBeGreaterThan(0);
    expect(output.slice(drainAt)).toContain('"graphql request"');
    expect(output).toContain('stopped cleanly');
  });
});

describe('an import killed with SIGKILL', () => {
  let api: TestApi;
  beforeAll(async () => (api = await testApi()));
  afterAll(async () => {
    await resetData(api.db);
    await api.close();
  });

  it('run again, ends with every row present once', async () => {
    const rows = 3000;
    const lines = ['序号,属地,模型名称,备案单位,备案编号,备案时间'];
    for (let i = 1; i <= rows; i++) {
      const n = String(i).padStart(4, '0');
      lines.push(
        `${i},北京市,中断测试模型${n},北京中断测试${n}科技有限公司,Beijing-ZhongDuan${n}-20250101${n},2025-01-01`,
      );
    }
    const file = join(mkdtempSync(join(tmpdir(), 'kill-')), 'kill.csv');
    writeFileSync(file, lines.join('\n'));
    const env = { NEO4J_URI: process.env.NEO4J_URI! };

    const first = runTs('scripts/import.ts', [file, '--source', 'kill-test', '--batch', '50'], env);
    // Progress lines are throttled by time, so on a slow machine the counts jump (50, 1200, 2800):
    // kill at the first line that shows committed rows with at least a third still to write.
    await first.waitFor(/\[import\] \d+ rows read, ([1-9]\d{1,2}|1\d{3}) written/);
    first.process.kill('SIGKILL');
    await first.exited;
    const [partial] = await api.db.read({
      file: 'test/count-kill',
      text: "MATCH (m:Model) WHERE 'kill-test' IN m.sourceKeys RETURN count(m) AS n",
    });
    expect(Number(partial.n)).toBeGreaterThan(0);
    expect(Number(partial.n)).toBeLessThan(rows);

    const second = runTs('scripts/import.ts', [file, '--source', 'kill-test', '--batch', '500'], env);
    expect(await second.exited).toBe(0);
    const [full] = await api.db.read({
      file: 'test/count-kill',
      text: "MATCH (m:Model) WHERE 'kill-test' IN m.sourceKeys RETURN count(m) AS n, count(DISTINCT m.filingNumber) AS numbers, sum(COUNT { (m)<-[:DEVELOPS]-() }) AS developers",
    });
    expect(full).toEqual({ n: rows, numbers: rows, developers: rows });
  });
});
