/**
 * Load test: mixed GraphQL operations from many concurrent connections against a real
 * server process, recording latency, throughput, errors and the server's memory.
 *   npm run load -- [--connections 64] [--duration 60] [--warmup 10] [--out bench/results]
 * Uses NEO4J_URI when set; otherwise the bundled Neo4j (started, with data, if needed).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { type CommandSpec, EXIT, intOption, openGraph, parseCommand, serverNodeArgs } from '../src/cli/command';
import { parseConfig } from '../src/config';
import { instance, start, stop } from '../src/db/bundled-neo4j';

const ROOT = join(__dirname, '..');
const SPEC: CommandSpec = {
  name: 'npm run load --',
  summary:
    'Load test: mixed GraphQL operations from many connections against a real server process (production mode),\n' +
    "recording latency, throughput, errors and the server's memory. Uses NEO4J_URI when set, else the bundled Neo4j.",
  options: {
    connections: { type: 'string', value: 'N', default: '64', description: 'concurrent connections (1 to 1024)' },
    duration: { type: 'string', value: 'S', default: '60', description: 'seconds of measured load (1 to 3600)' },
    warmup: { type: 'string', value: 'S', default: '10', description: 'seconds of unmeasured load first (0 to 600)' },
    out: { type: 'string', value: 'DIR', default: 'bench/results', description: 'where the results go' },
    names: {
      type: 'string',
      value: 'N',
      default: '1000',
      description: 'distinct operation names clients send, in turn (1 to 1000000): metrics must stay bounded',
    },
  },
  example: 'npm run load -- --connections 32 --duration 30',
};
const { values } = parseCommand(SPEC);
const outDir = resolve(ROOT, String(values.out));
const arg = (name: 'connections' | 'duration' | 'warmup') =>
  intOption(
    SPEC,
    name,
    values[name],
    name === 'warmup' ? 0 : 1,
    name === 'connections' ? 1024 : name === 'warmup' ? 600 : 3600,
  );
const log = (m: string) => process.stderr.write(`[load] ${m}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const OPERATIONS = [
  { name: 'lookup', query: '{ companyByName(name: "百度") { name nameEn sources { key } } }' },
  {
    name: 'list',
    query:
      '{ models(first: 20, where: { region: "北京" }, orderBy: { field: FILING_DATE, direction: DESC }) { totalCount nodes { name filingDate } } }',
  },
  {
    name: 'nested',
    query:
      '{ companies(first: 20) { nodes { name models(first: 5) { nodes { name industries { nodes { name } } } } } } }',
  },
  { name: 'statistics', query: '{ filingsByRegion { rows { label counted statedCount } } }' },
  { name: 'search', query: '{ search(text: "智谱", first: 10) { score node { name } } }' },
  { name: 'conflicts', query: '{ conflicts { kind description } }' },
  {
    name: 'neighborhood',
    query:
      '{ neighborhood(id: "Q29tcGFueTrljJfkuqznmb7luqbnvZHorq_np5HmioDmnInpmZDlhazlj7g", depth: 2, limit: 50) { totalNodes nodes { id } edges { id } } }',
  },
  { name: 'bad-input', query: '{ models(first: 500) { totalCount } }', expectError: true },
];

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** What this run started, so a failure stops it again (the API server, the bundled Neo4j). */
const owned: { server?: ReturnType<typeof spawn>; neo4j?: ReturnType<typeof instance> } = {};

async function main(): Promise<void> {
  const connections = arg('connections');
  const duration = arg('duration');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
  };
  if (!process.env.NEO4J_URI) {
    const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
    if ((await start(instance(port))) === 'started') owned.neo4j = instance(port);
    env.NEO4J_URI = `bolt://127.0.0.1:${port}`;
    env.LOAD_DATA = 'true';
  } else {
    // The server named must answer before a load is aimed at it: one clear reason, at once.
    (await openGraph(parseConfig(env), log, { load: false })).close();
  }
  const port = 4400 + Math.floor(Math.random() * 500);
  const server = spawn(process.execPath, [...serverNodeArgs(), join(ROOT, 'src', 'server.ts')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  owned.server = server;
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const res = await fetch(`${base}/health/ready`).catch(() => null);
    if (res?.status === 200) break;
    if (server.exitCode !== null)
      throw new Error(`the API server exited (code ${server.exitCode}) before it was ready; its output is above`);
    if (i > 300)
      throw new Error(
        `the API server was not ready after 60 s (/health/ready: ${res ? `${res.status} ${await res.text()}` : 'no answer'})`,
      );
    await sleep(200);
  }
  const warmup = arg('warmup');
  log(
    `server pid ${server.pid} ready; warming up for ${warmup} s (not measured), so the quarters compare steady states`,
  );
  if (warmup > 0) {
    await autocannon({
      url: `${base}/graphql`,
      connections,
      duration: warmup,
      requests: OPERATIONS.map((op) => ({
        method: 'POST' as const,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: op.query }),
      })),
    });
  }
  const names = intOption(SPEC, 'names', values.names, 1, 1_000_000);
  let sent = 0;
  // Each request names its operation anew (OpK), as many distinct clients would.
  const named = (query: string) => () => {
    const name = `Op${sent++ % names}`;
    return JSON.stringify({ query: `query ${name} ${query}`, operationName: name });
  };
  log(
    `${connections} connections for ${duration} s, ${OPERATIONS.length} operations in rotation, ${names} distinct operation names`,
  );

  const memory: { t: number; mb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => memory.push({ t: (Date.now() - started) / 1000, mb: rssMb(server.pid!) }), 1000);
  const perOperation = new Map(OPERATIONS.map((o) => [o.name, { count: 0, unexpectedErrors: 0 }]));
  const progress = setInterval(
    () => log(`${Math.round((Date.now() - started) / 1000)} s, server RSS ${memory.at(-1)?.mb.toFixed(0) ?? '?'} MB`),
    10_000,
  );

  const result = await autocannon({
    url: `${base}/graphql`,
    connections,
    duration,
    requests: OPERATIONS.map((op) => ({
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: autocannon.Request) => ({ ...req, body: named(op.query)() }),
      onResponse: (_status: number, body: string) => {
        const entry = perOperation.get(op.name)!;
        entry.count += 1;
        const hasErrors = body.includes('"errors"');
        if (hasErrors !== Boolean(op.expectError)) entry.unexpectedErrors += 1;
      },
    })),
  });
  clearInterval(sampler);
  clearInterval(progress);
  server.kill('SIGTERM');

  const quarter = Math.max(1, Math.floor(memory.length / 4));
  const avg = (xs: { mb: number }[]) => xs.reduce((s, x) => s + x.mb, 0) / xs.length;
  const firstQuarter = avg(memory.slice(0, quarter));
  const lastQuarter = avg(memory.slice(-quarter));
  const unexpected = [...perOperation.values()].reduce((s, e) => s + e.unexpectedErrors, 0);
  const summary = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    connections,
    operationNames: names,
    durationSeconds: duration,
    warmupSeconds: warmup,
    requests: result.requests.total,
    throughputPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    non2xx: result.non2xx,
    status5xx: result['5xx'],
    transportErrors: result.errors,
    timeouts: result.timeouts,
    unexpectedGraphqlErrors: unexpected,
    perOperation: Object.fromEntries(perOperation),
    memoryMb: {
      firstQuarter: Math.round(firstQuarter),
      lastQuarter: Math.round(lastQuarter),
      max: Math.round(Math.max(...memory.map((m) => m.mb))),
    },
    memoryGrowth: lastQuarter / firstQuarter - 1,
  };
  // bad-input answers 400 by design (GraphQL over HTTP): it is the only non-2xx expected.
  const expectedNon2xx = perOperation.get('bad-input')!.count;
  const pass =
    summary.status5xx === 0 &&
    summary.transportErrors === 0 &&
    summary.timeouts === 0 &&
    unexpected === 0 &&
    summary.non2xx === expectedNon2xx &&
    summary.memoryGrowth < 0.15;
  mkdirSync(outDir, { recursive: true });
  const stamp = summary.date.slice(0, 10);
  writeFileSync(join(outDir, `load-${stamp}.json`), JSON.stringify({ ...summary, pass }, null, 2));
  const md = [
    `# Load test, ${summary.date}`,
    '',
    `${connections} connections, ${duration} s after a ${warmup} s warm-up, ${names} distinct operation names, ${OPERATIONS.length} operations in rotation (${OPERATIONS.map((o) => o.name).join(', ')}); server in production mode; ${summary.machine.cpus} cores (${summary.machine.cpuModel}), ${summary.machine.memoryGb} GiB, Node ${summary.machine.node}; Neo4j and the load generator on the same machine.`,
    '',
    '| requests | req/s | p50 ms | p90 ms | p99 ms | max ms | 5xx | transport errors | unexpected GraphQL errors | RSS first quarter MB | RSS last quarter MB | growth | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${summary.requests} | ${summary.throughputPerSecond.toFixed(0)} | ${summary.latencyMs.p50} | ${summary.latencyMs.p90} | ${summary.latencyMs.p99} | ${summary.latencyMs.max} | ${summary.status5xx} | ${summary.transportErrors} | ${unexpected} | ${summary.memoryMb.firstQuarter} | ${summary.memoryMb.lastQuarter} | ${(summary.memoryGrowth * 100).toFixed(1)}% | ${pass ? 'pass' : 'FAIL'} |`,
    '',
  ].join('\n');
  writeFileSync(join(outDir, `load-${stamp}.md`), md);
  console.log(md);
  await sleep(500);
  if (owned.neo4j) await stop(owned.neo4j);
  process.exit(pass ? EXIT.OK : EXIT.FAILED);
}

main().catch(async (error: Error) => {
  log(`failed: ${error.message}`);
  owned.server?.kill('SIGTERM');
  if (owned.neo4j) await stop(owned.neo4j);
  process.exit(EXIT.FAILED);
});
