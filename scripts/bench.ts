/**
 * Benchmark: eleven operations, four ways (three where @neo4j/graphql cannot ask), side by side in one run on one
 * database: raw Cypher through neo4j-driver (the floor), this API over HTTP as it runs by default, the same API with
 * its response cache off (every request executed), and @neo4j/graphql v7.
 *   npm run bench -- [--scale 1] [--seconds 5] [--concurrency 1,8,32] [--out bench/results] [--port 7692]
 * Runs on a scratch Neo4j of its own holding the report, the bundled lists and a register
 * generated at the scale (npm run generate's; kept between runs of the same scale), never on
 * the product graph. Writes JSON, Markdown and a PNG chart.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { type CommandSpec, intOption, numberOption, parseCommand, progress } from '../src/cli/command';
import { cypher } from '../src/db/cypher';
import { SCRATCH_PORT, scratchRegister } from '../src/synthetic/scratch';
import { renderChart } from './bench/chart';
import { closePools, measure, percentile, postGraphql, rssMb, startProcess, waitHttp } from './bench/harness';
import { latencyProxy } from './bench/latency-proxy';
import { type Cell, type Operation, operations, type Way } from './bench/operations';

const ROOT = join(__dirname, '..');
const SPEC: CommandSpec = {
  name: 'npm run bench --',
  summary:
    'Benchmark of eleven operations four ways (raw Cypher, this API over HTTP with and without its response cache,\n' +
    '@neo4j/graphql) on one database; writes JSON,\n' +
    'Markdown and a PNG chart. Runs on a scratch Neo4j of its own (never the product graph) holding a register generated\n' +
    'at the scale (kept between runs of the same scale).',
  options: {
    scale: {
      type: 'string',
      value: 'N',
      default: '1',
      description: 'generated register size as a multiple of 346 filings (0.01 to 10000)',
    },
    seconds: {
      type: 'string',
      value: 'S',
      default: '5',
      description: 'seconds per cell (operation x way x concurrency)',
    },
    concurrency: {
      type: 'string',
      value: 'LIST',
      default: '1,8,32',
      description: 'concurrency levels, comma-separated',
    },
    out: { type: 'string', value: 'DIR', default: 'bench/results', description: 'where the results go' },
    only: {
      type: 'string',
      value: 'LIST',
      description: 'run only the operations whose names contain one of these words, comma-separated',
    },
    ways: {
      type: 'string',
      value: 'LIST',
      default: 'raw,api,apiUncached,neo4jGraphql',
      description:
        'the ways to measure, comma-separated; apiUncachedLatency and neo4jGraphqlLatency reach Neo4j through a proxy adding --latency-ms each way',
    },
    'latency-ms': {
      type: 'string',
      value: 'MS',
      default: '1',
      description: 'delay each way for the latency ways (a database in the next rack: 1)',
    },
    port: {
      type: 'string',
      value: 'PORT',
      default: String(SCRATCH_PORT),
      description: 'Bolt port of the scratch Neo4j holding the generated register',
    },
  },
  example: 'npm run bench -- --scale 1000 --seconds 10',
};
const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
/** Each cell's time is split into this many slices, the ways taking turns. */
const ROUNDS = 5;

async function apiStatements(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  return [...text.matchAll(/^neo4j_query_duration_seconds_count\{[^}]*\} (\d+)/gm)].reduce(
    (s, m) => s + Number(m[1]),
    0,
  );
}

async function main(): Promise<void> {
  const { values } = parseCommand(SPEC);
  const scale = numberOption(SPEC, 'scale', values.scale, 0.01, 10_000);
  const seconds = numberOption(SPEC, 'seconds', values.seconds, 0.1, 3600);
  const levels = String(values.concurrency)
    .split(',')
    .map((c) => intOption(SPEC, 'concurrency', c.trim(), 1, 1024));
  const outDir = resolve(ROOT, String(values.out));
  const port = intOption(SPEC, 'port', values.port, 1, 65_535);
  const bar = progress('[bench]');
  const register = await scratchRegister(scale, {
    port,
    log,
    progress: (d, t, r) => bar.update(`${d}/${t} models, ${Math.round(r)}/s`),
  });
  bar.done();
  const { db, uri } = register;
  // How fast this machine is today: the p50 of a statement that does nothing, one at a time.
  const idle: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await db.read({ file: 'bench/idle', text: 'RETURN 1 AS one' });
    idle.push(performance.now() - t);
  }
  const idleRoundTripMs = percentile(
    idle.sort((x, y) => x - y),
    50,
  );
  log(`an empty statement's round trip: p50 ${idleRoundTripMs.toFixed(2)} ms`);

  const apiPort = 4700 + Math.floor(Math.random() * 100);
  const ngqlPort = apiPort + 100;
  const uncachedPort = apiPort + 200;
  const env = { NEO4J_URI: uri, NODE_ENV: 'production', LOG_LEVEL: 'warn', COST_BUDGET: '1000000' };
  // /metrics is private in production; the harness reads it to count the API's statements.
  const api = startProcess('src/server.ts', { ...env, METRICS_PUBLIC: 'true', PORT: String(apiPort) });
  const ngql = startProcess('scripts/bench/neo4j-graphql-server.ts', { ...env, PORT: String(ngqlPort) });
  // The same API with its response cache off: what each request costs when it is executed.
  const uncached = startProcess('src/server.ts', {
    ...env,
    METRICS_PUBLIC: 'true',
    RESPONSE_CACHE_CHARS: '0',
    PORT: String(uncachedPort),
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const ngqlUrl = `http://127.0.0.1:${ngqlPort}`;
  const uncachedUrl = `http://127.0.0.1:${uncachedPort}`;
  await waitHttp(`${apiUrl}/health/ready`);
  await waitHttp(`${uncachedUrl}/health/ready`);
  await waitHttp(`${ngqlUrl}/roundtrips`);
  log(
    `servers up (API pid ${api.pid}, @neo4j/graphql pid ${ngql.pid}); ${levels.join('/')} concurrency, ${seconds} s per cell`,
  );

  // The latency ways: the uncached API and @neo4j/graphql, with every byte to and from Neo4j
  // delayed by --latency-ms (a database that is not on the same machine).
  const latencyMs = numberOption(SPEC, 'latency-ms', values['latency-ms'], 0, 1000);
  const wanted = new Set(
    String(values.ways)
      .split(',')
      .map((w) => w.trim()),
  );
  const slow = wanted.has('apiUncachedLatency') || wanted.has('neo4jGraphqlLatency');
  const proxy = slow ? await latencyProxy({ host: '127.0.0.1', port }, latencyMs) : null;
  const slowEnv = { ...env, NEO4J_URI: `bolt://127.0.0.1:${proxy?.port ?? port}` };
  const slowApiPort = apiPort + 300;
  const slowNgqlPort = apiPort + 400;
  const slowApiUrl = `http://127.0.0.1:${slowApiPort}`;
  const slowNgqlUrl = `http://127.0.0.1:${slowNgqlPort}`;
  const slowApi = proxy
    ? startProcess('src/server.ts', {
        ...slowEnv,
        METRICS_PUBLIC: 'true',
        RESPONSE_CACHE_CHARS: '0',
        PORT: String(slowApiPort),
      })
    : null;
  const slowNgql = proxy
    ? startProcess('scripts/bench/neo4j-graphql-server.ts', { ...slowEnv, PORT: String(slowNgqlPort) })
    : null;
  if (proxy) {
    await waitHttp(`${slowApiUrl}/health/ready`);
    await waitHttp(`${slowNgqlUrl}/roundtrips`);
    log(`latency ways up: Neo4j through a proxy adding ${latencyMs} ms each way`);
  }
  const ngqlTrips = async (url: string) =>
    ((await (await fetch(`${url}/roundtrips`)).json()) as { roundTrips: number }).roundTrips;
  const roundTrips = async (way: Way): Promise<number> =>
    way === 'api'
      ? apiStatements(apiUrl)
      : way === 'apiUncached'
        ? apiStatements(uncachedUrl)
        : way === 'apiUncachedLatency'
          ? apiStatements(slowApiUrl)
          : way === 'neo4jGraphql'
            ? ngqlTrips(ngqlUrl)
            : way === 'neo4jGraphqlLatency'
              ? ngqlTrips(slowNgqlUrl)
              : 0;
  const memory = { api: 0, apiUncached: 0, neo4jGraphql: 0 };
  const sampler = setInterval(() => {
    memory.api = Math.max(memory.api, rssMb(api.pid));
    memory.apiUncached = Math.max(memory.apiUncached, rssMb(uncached.pid));
    memory.neo4jGraphql = Math.max(memory.neo4jGraphql, rssMb(ngql.pid));
  }, 500);

  const cells: Cell[] = [];
  const only = values.only
    ? String(values.only)
        .split(',')
        .map((w) => w.trim())
    : null;
  const ops = operations(scale).filter((o) => !only || only.some((w) => o.name.includes(w)));
  const chosen = new Set(
    String(values.ways)
      .split(',')
      .map((w) => w.trim()),
  );
  // Servers just started: warm every operation on every way (JIT, plan caches, pools) before
  // any cell is measured, so the first operation in the table is not the one paying for it.
  const warmSeconds = Math.min(2, seconds / 2);
  log(`warming up: every operation, every way, ${warmSeconds} s each at concurrency 4`);
  const waysOf = (op: Operation): [Way, () => Promise<unknown>][] => allWaysOf(op).filter(([way]) => chosen.has(way));
  const allWaysOf = (op: Operation): [Way, () => Promise<unknown>][] => [
    ['raw', () => db.read(cypher(op.raw.file), op.raw.params)],
    ['api', () => postGraphql(apiUrl, op.api)],
    ['apiUncached', () => postGraphql(uncachedUrl, op.api)],
    ['apiUncachedLatency', () => postGraphql(slowApiUrl, op.api)],
    ...(op.neo4jGraphql
      ? [
          ['neo4jGraphql', () => postGraphql(ngqlUrl, op.neo4jGraphql!)] as [Way, () => Promise<unknown>],
          ['neo4jGraphqlLatency', () => postGraphql(slowNgqlUrl, op.neo4jGraphql!)] as [Way, () => Promise<unknown>],
        ]
      : []),
  ];
  for (const op of ops) for (const [, run] of waysOf(op)) await measure(run, 4, warmSeconds);
  const total = ops.reduce((n, op) => n + waysOf(op).length, 0) * levels.length;
  for (const op of ops) {
    const ways = waysOf(op);
    for (const concurrency of levels) {
      // Side by side in time: the cell's seconds are split into ROUNDS slices and the ways
      // take turns, so background work (a checkpoint, index sampling, a noisy neighbour)
      // falls on all three alike instead of on whichever way ran at that moment.
      const acc = new Map<
        Way,
        { latencies: number[]; errors: number; elapsed: number; trips: number; firstError?: string }
      >();
      for (const [way] of ways) acc.set(way, { latencies: [], errors: 0, elapsed: 0, trips: 0 });
      for (const [, run] of ways) await measure(run, concurrency, Math.min(1, seconds / 5));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [way, run] of ways) {
          const before = await roundTrips(way);
          const m = await measure(run, concurrency, seconds / ROUNDS);
          const a = acc.get(way)!;
          a.trips += (await roundTrips(way)) - before;
          a.latencies.push(...m.latencies);
          a.errors += m.errors;
          a.elapsed += m.elapsed;
          a.firstError ??= m.firstError;
        }
      }
      for (const [way] of ways) {
        const a = acc.get(way)!;
        a.latencies.sort((x, y) => x - y);
        const requests = a.latencies.length + a.errors;
        cells.push({
          operation: op.name,
          kind: op.kind,
          way,
          concurrency,
          requests,
          errors: a.errors,
          throughput: a.latencies.length / a.elapsed,
          p50: percentile(a.latencies, 50),
          p95: percentile(a.latencies, 95),
          p99: percentile(a.latencies, 99),
          roundTripsPerRequest: way === 'raw' ? 1 : requests ? a.trips / requests : null,
          firstError: a.firstError,
        });
        log(
          `${cells.length}/${total} ${op.name} · ${way} · c=${concurrency}: p50 ${percentile(a.latencies, 50).toFixed(2)} ms, ${(a.latencies.length / a.elapsed).toFixed(0)} req/s${a.errors ? `, ${a.errors} errors (${a.firstError})` : ''}`,
        );
      }
    }
  }
  clearInterval(sampler);
  api.kill('SIGTERM');
  uncached.kill('SIGTERM');
  ngql.kill('SIGTERM');
  slowApi?.kill('SIGTERM');
  slowNgql?.kill('SIGTERM');
  await proxy?.close();
  await closePools();
  const server = await db.serverVersion();
  await db.close();

  const result = {
    date: new Date().toISOString(),
    scale,
    models: register.models,
    companies: register.companies,
    secondsPerCell: seconds,
    latencyMs,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      neo4j: `${server} (bundled scratch server, read from the server), same machine`,
      idleRoundTripMs: Number(idleRoundTripMs.toFixed(3)),
    },
    serverMemoryMb: {
      api: Math.round(memory.api),
      apiUncached: Math.round(memory.apiUncached),
      neo4jGraphql: Math.round(memory.neo4jGraphql),
    },
    operations: ops.map((o) => ({
      name: o.name,
      kind: o.kind,
      depth: o.depth,
      neo4jGraphql: o.neo4jGraphql ? (o.neo4jGraphqlNote ?? 'generated fields') : 'not expressible',
    })),
    cells,
  };
  mkdirSync(outDir, { recursive: true });
  // A run of some operations or ways gets a name of its own (it never replaces a full run's results).
  const subset = [...(only ?? []), ...(chosen.size < 4 ? [...chosen] : [])].join('-').replace(/[^\w-]/g, '');
  const stem = join(outDir, `bench-${result.date.slice(0, 10)}-${scale}x${subset ? `-${subset}` : ''}`);
  writeFileSync(`${stem}.json`, JSON.stringify(result, null, 2));
  writeFileSync(`${stem}.md`, markdown(result, ops));
  writeFileSync(`${stem}.png`, await renderChart(result));
  console.log(readFileSync(`${stem}.md`, 'utf8'));
  log(`results: ${stem}.{json,md,png}`);
  process.exit(0);
}

function markdown(
  result: {
    date: string;
    scale: number;
    models: number;
    companies: number;
    secondsPerCell: number;
    latencyMs: number;
    machine: Record<string, unknown>;
    serverMemoryMb: Record<string, number>;
    cells: Cell[];
  },
  ops: Operation[],
): string {
  const cell = (op: string, way: Way, c: number) =>
    result.cells.find((x) => x.operation === op && x.way === way && x.concurrency === c);
  const levels = [...new Set(result.cells.map((c) => c.concurrency))];
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  const f = (n: number | undefined, d = 2) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));
  const lines = [
    `# Benchmark, ${result.date} — scale ${result.scale}x (${result.models} models and ${result.companies} companies: the report, the bundled lists and a generated register, in a scratch Neo4j)`,
    '',
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGb} GiB, Node ${result.machine.node}, Neo4j ${result.machine.neo4j}; client, servers and Neo4j share the machine; an empty statement's round trip took ${result.machine.idleRoundTripMs} ms (p50), a gauge of the machine's speed that day. ${result.secondsPerCell} s per cell after a warm-up, in 5 slices with the ways taking turns.`,
    '',
    `Latency at concurrency ${low} (ms) and throughput at concurrency ${high} (requests/s):`,
    '',
    `| operation | raw p50 | API p50 | API/raw | API p99 | API uncached p50 | uncached/raw | @neo4j/graphql p50 | raw req/s | API req/s | API uncached req/s | @neo4j/graphql req/s | API/@neo4j/graphql | uncached/@neo4j/graphql | round trips uncached | @neo4j/graphql round trips | errors |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const op of ops) {
    const r = cell(op.name, 'raw', low);
    const a = cell(op.name, 'api', low);
    const u = cell(op.name, 'apiUncached', low);
    const n = cell(op.name, 'neo4jGraphql', low);
    const rh = cell(op.name, 'raw', high);
    const ah = cell(op.name, 'api', high);
    const uh = cell(op.name, 'apiUncached', high);
    const nh = cell(op.name, 'neo4jGraphql', high);
    const errors = result.cells.filter((c) => c.operation === op.name).reduce((s, c) => s + c.errors, 0);
    const na = (v: string) => (op.neo4jGraphql ? v : 'n/a');
    lines.push(
      `| ${op.name} | ${f(r?.p50)} | ${f(a?.p50)} | ${f(a && r ? a.p50 / r.p50 : undefined)} | ${f(a?.p99)} | ${f(u?.p50)} | ${f(u && r ? u.p50 / r.p50 : undefined)} | ${na(f(n?.p50))} | ${f(rh?.throughput, 0)} | ${f(ah?.throughput, 0)} | ${f(uh?.throughput, 0)} | ${na(f(nh?.throughput, 0))} | ${f(ah && nh ? ah.throughput / nh.throughput : undefined)} | ${f(uh && nh ? uh.throughput / nh.throughput : undefined)} | ${f(u?.roundTripsPerRequest ?? undefined, 1)} | ${na(f(n?.roundTripsPerRequest ?? undefined, 1))} | ${errors} |`,
    );
  }
  /** Each operation's throughput over the peer's (the delayed peer for a delayed way), sorted. */
  const ratios = (way: Way, peer: Way = 'neo4jGraphql') =>
    ops
      .map((op) => [cell(op.name, way, high), cell(op.name, peer, high)] as const)
      .filter(([x, y]) => x && y)
      .map(([x, y]) => x!.throughput / y!.throughput)
      .sort((x, y) => x - y);
  const median = (v: number[]) => (v.length ? (v[(v.length - 1) >> 1] + v[v.length >> 1]) / 2 : NaN);
  lines.push(
    '',
    `Median throughput over @neo4j/graphql at concurrency ${high}, over the operations it can ask: API ${f(median(ratios('api')))}x, API without the response cache ${f(median(ratios('apiUncached')))}x.`,
  );
  const slowRatios = ratios('apiUncachedLatency', 'neo4jGraphqlLatency');
  if (slowRatios.length) {
    lines.push(
      '',
      `With Neo4j behind a proxy adding ${result.latencyMs} ms each way (concurrency ${high}; p50 at concurrency ${low}):`,
      '',
      '| operation | API uncached p50 | @neo4j/graphql p50 | API uncached req/s | @neo4j/graphql req/s | ratio | round trips API | round trips @neo4j/graphql |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const op of ops) {
      const a = cell(op.name, 'apiUncachedLatency', high);
      const n = cell(op.name, 'neo4jGraphqlLatency', high);
      const al = cell(op.name, 'apiUncachedLatency', low);
      const nl = cell(op.name, 'neo4jGraphqlLatency', low);
      if (!a) continue;
      lines.push(
        `| ${op.name} | ${f(al?.p50)} | ${f(nl?.p50)} | ${f(a.throughput, 0)} | ${f(n?.throughput, 0)} | ${f(n ? a.throughput / n.throughput : undefined)} | ${f(al?.roundTripsPerRequest ?? undefined, 1)} | ${f(nl?.roundTripsPerRequest ?? undefined, 1)} |`,
      );
    }
    lines.push(
      '',
      `Median throughput over @neo4j/graphql with the delay: API without the response cache ${f(median(slowRatios))}x.`,
    );
  }
  lines.push(
    '',
    `Peak server RSS during the run: API ${result.serverMemoryMb.api} MB, API without the response cache ${result.serverMemoryMb.apiUncached} MB, @neo4j/graphql ${result.serverMemoryMb.neo4jGraphql} MB.`,
    '',
  );
  lines.push(
    `@neo4j/graphql: ${ops.map((o) => `${o.name}: ${o.neo4jGraphql ? (o.neo4jGraphqlNote ?? 'generated fields') : 'not measured (no date filter on traversals)'}`).join('; ')}.`,
    '',
  );
  lines.push(`All concurrency levels (${levels.join(', ')}) are in the JSON file beside this one.`, '');
  return lines.join('\n');
}

if (require.main === module) {
  main().catch((error: Error) => {
    log(`failed: ${error.stack ?? error.message}`);
    process.exit(1);
  });
}
