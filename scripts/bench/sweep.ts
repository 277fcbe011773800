/**
 * Every traversal field from random starts (issue 24): links to each type, company policies,
 * shortest path(s), neighbourhood, subgraph and their as-of variants, each asked from companies
 * of the generated register chosen at random (seeded; never the benchmark's named company),
 * through the API with its response cache off.
 *   npm run bench:sweep -- [--scale 1000] [--starts 100] [--concurrency 32] [--cold 25] [--seed 1]
 * Three phases: warm, one request at a time (latency); warm, --concurrency clients (errors and
 * throughput); and after a restart of Neo4j and the API, the first --cold starts of each field,
 * one at a time, the fields taking turns (what the first users after a restart see). Runs on the
 * scratch Neo4j of `npm run generate` (kept between runs of one scale). Writes JSON and Markdown.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CommandSpec, intOption, numberOption, parseCommand, progress, usageExit } from '../../src/cli/command';
import { instance, start, stop } from '../../src/db/bundled-neo4j';
import { cypher } from '../../src/db/cypher';
import { toGlobalId } from '../../src/graph/ids';
import { ENTITY_LABELS } from '../../src/graph/vocabulary';
import { generatedCompanies } from '../../src/synthetic/generate';
import { SCRATCH_PORT, scratchRegister } from '../../src/synthetic/scratch';
import { closePools, percentile, postGraphql, startProcess, waitHttp } from './harness';

const ROOT = join(__dirname, '..', '..');
const SPEC: CommandSpec = {
  name: 'npm run bench:sweep --',
  summary:
    'Every traversal field from random starts of a generated register, through the API without its response\n' +
    'cache: warm one at a time, warm under concurrency, and the first requests after a restart. Writes JSON and Markdown.',
  options: {
    scale: { type: 'string', value: 'N', default: '1', description: 'generated register size (0.01 to 10000)' },
    starts: { type: 'string', value: 'N', default: '100', description: 'random starts per field, warm' },
    concurrency: { type: 'string', value: 'C', default: '32', description: 'clients in the concurrent phase' },
    cold: {
      type: 'string',
      value: 'N',
      default: '25',
      description: 'starts per field after a restart (0: no restart)',
    },
    seed: { type: 'string', value: 'N', default: '1', description: 'seed of the random starts' },
    restart: {
      type: 'string',
      value: 'WHAT',
      default: 'both',
      description: 'what the cold phase restarts: both (Neo4j and the API) or neo4j (under the running API)',
    },
    from: {
      type: 'string',
      value: 'WHAT',
      default: 'company',
      description:
        'what the traversals start from: company (random companies) or any (random entities of every type in turn,\n' +
        'hubs such as 北京市 and 民营企业 among them; company policies still from a company)',
    },
    only: { type: 'string', value: 'LIST', description: 'fields whose names contain one of these words' },
    out: { type: 'string', value: 'DIR', default: 'bench/results', description: 'where the results go' },
    port: {
      type: 'string',
      value: 'PORT',
      default: String(SCRATCH_PORT),
      description: 'Bolt port of the scratch Neo4j',
    },
  },
  example: 'npm run bench:sweep -- --scale 1000',
};
const log = (m: string) => process.stderr.write(`[sweep] ${m}\n`);

/**
 * A traversal field asked from one start (a global id: a random company, or with --from any a
 * random entity of any type); `company` is a random company (company policies start from one),
 * `other` another.
 */
interface Field {
  name: string;
  query: (start: Start) => string;
}

interface Start {
  start: string;
  company: string;
  other: string;
}

const POLICY_KEY = '《生成式人工智能服务管理暂行办法》';
const POLICY = toGlobalId('Policy', POLICY_KEY);
const REGION = toGlobalId('Region', '110000');
const AS_OF = '2024-06-30';
const TARGETS = ['MODEL', 'COMPANY', 'REGION', 'CLUSTER', 'INDUSTRY', 'SCENARIO', 'ENTERPRISE_TYPE', 'POLICY'];

const FIELDS: Field[] = [
  {
    name: 'companyPolicies',
    query: ({ company }) =>
      `{ companyPolicies(company: "${company}") { target { key } score rule reason path { length } } }`,
  },
  {
    name: 'companyPolicies asOf',
    query: ({ company }) =>
      `{ companyPolicies(company: "${company}", asOf: "${AS_OF}") { target { key } score rule } }`,
  },
  ...TARGETS.map((t) => ({
    name: `links ${t}`,
    query: ({ start }: Start) =>
      `{ links(from: "${start}", targetType: ${t}, first: 10) { target { key } score reason } }`,
  })),
  {
    name: 'shortestPath to policy',
    query: ({ start }) => `{ shortestPath(from: "${start}", to: "${POLICY}") { length explanation } }`,
  },
  {
    name: 'shortestPath asOf',
    query: ({ start }) => `{ shortestPath(from: "${start}", to: "${POLICY}", asOf: "${AS_OF}") { length } }`,
  },
  {
    name: 'shortestPaths k=3',
    query: ({ start }) => `{ shortestPaths(from: "${start}", to: "${POLICY}", k: 3) { length explanation } }`,
  },
  {
    name: 'shortestPath to a company',
    query: ({ start, other }) => `{ shortestPath(from: "${start}", to: "${other}") { length } }`,
  },
  {
    name: 'neighborhood depth 2',
    query: ({ start }) =>
      `{ neighborhood(id: "${start}", depth: 2, limit: 100) { totalNodes nodes { id } edges { id } } }`,
  },
  {
    name: 'neighborhood asOf',
    query: ({ start }) =>
      `{ neighborhood(id: "${start}", depth: 2, limit: 100, asOf: "${AS_OF}") { totalNodes nodes { id } edges { id } } }`,
  },
  {
    name: 'subgraph',
    query: ({ start }) => `{ subgraph(ids: ["${start}", "${POLICY}", "${REGION}"]) { nodes { id } edges { id } } }`,
  },
];

/** mulberry32: a small seeded generator, so two runs ask from the same starts. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  field: string;
  phase: 'warm c=1' | `warm c=${number}` | 'after restart';
  requests: number;
  errors: number;
  p50: number;
  p90: number;
  max: number;
  throughput: number | null;
  firstError?: string;
}

function summary(field: string, phase: Row['phase'], times: number[], errors: string[], elapsed: number | null): Row {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    field,
    phase,
    requests: times.length + errors.length,
    errors: errors.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    max: sorted[sorted.length - 1] ?? NaN,
    throughput: elapsed === null ? null : times.length / elapsed,
    ...(errors.length ? { firstError: errors[0] } : {}),
  };
}

/** Runs `queries` with `concurrency` clients, each taking the next; times in ms. */
async function run(url: string, queries: string[], concurrency: number) {
  const times: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < queries.length) {
        const q = queries[next++];
        const t = performance.now();
        try {
          await postGraphql(url, q);
          times.push(performance.now() - t);
        } catch (error) {
          errors.push((error as Error).message);
        }
      }
    }),
  );
  return { times, errors, elapsed: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const { values } = parseCommand(SPEC);
  const scale = numberOption(SPEC, 'scale', values.scale, 0.01, 10_000);
  const starts = intOption(SPEC, 'starts', values.starts, 1, 100_000);
  const concurrency = intOption(SPEC, 'concurrency', values.concurrency, 1, 1024);
  const cold = intOption(SPEC, 'cold', values.cold, 0, 10_000);
  const seed = intOption(SPEC, 'seed', values.seed, 0, 2 ** 31);
  const port = intOption(SPEC, 'port', values.port, 1, 65_535);
  const words = values.only ? String(values.only).split(',') : null;
  const restartWhat = String(values.restart);
  const from = String(values.from);
  if (from !== 'company' && from !== 'any') usageExit(SPEC, '--from is company or any');
  if (restartWhat !== 'both' && restartWhat !== 'neo4j') usageExit(SPEC, '--restart is both or neo4j');
  const fields = FIELDS.filter((f) => !words || words.some((w) => f.name.includes(w.trim())));
  const bar = progress('[sweep]');
  const register = await scratchRegister(scale, {
    port,
    log,
    progress: (d, t, r) => bar.update(`${d}/${t} models, ${Math.round(r)}/s`),
  });
  bar.done();
  const { uri } = register;
  // With --from any, every entity type takes its turn as the start, each start a random entity
  // of it (a hub such as 北京市 as likely as any region); never the policy every path field ends at.
  const pool =
    from === 'any'
      ? (
          await register.db.read<{ label: string; keys: string[] }>(cypher('bench/sweep-starts'), {
            labels: ENTITY_LABELS,
            except: POLICY_KEY,
          })
        ).filter((r) => r.keys.length > 0)
      : [];
  await register.db.close();

  // Random companies, never company 0 (the benchmark's named start); warm-up, warm and cold sets apart.
  const companies = generatedCompanies(scale).slice(1);
  const random = seeded(seed);
  const pick = () => toGlobalId('Company', companies[Math.floor(random() * companies.length)].key);
  let turn = 0;
  const anyStart = () => {
    const { label, keys } = pool[turn++ % pool.length];
    return toGlobalId(label, keys[Math.floor(random() * keys.length)]);
  };
  const sample = (n: number): Start[] =>
    Array.from({ length: n }, () => {
      const company = pick();
      return { start: from === 'any' ? anyStart() : company, company, other: pick() };
    });
  const warmup = sample(5);
  const warm = sample(starts);
  const afterRestart = sample(cold);

  const apiPort = 4600 + Math.floor(Math.random() * 100);
  const url = `http://127.0.0.1:${apiPort}`;
  const env = {
    NEO4J_URI: uri,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    COST_BUDGET: '1000000',
    RESPONSE_CACHE_CHARS: '0',
    PORT: String(apiPort),
    // The start-up warm-up as deployed (its default), whatever the calling shell set: the test
    // suite turns it off for its own servers, and a cold plan under a loaded machine then ran
    // past the statement limit on the first request after the restart.
    WARM_UP_MS: '60000',
  };
  let api = startProcess('src/server.ts', env);
  await waitHttp(`${url}/health/ready`);
  log(`API up on ${url}; ${fields.length} fields, ${starts} random starts each, seed ${seed}`);
  const rows: Row[] = [];
  for (const f of fields) for (const s of warmup) await postGraphql(url, f.query(s)).catch(() => undefined);
  for (const f of fields) {
    const queries = warm.map((s) => f.query(s));
    const one = await run(url, queries, 1);
    rows.push(summary(f.name, 'warm c=1', one.times, one.errors, null));
    const many = await run(url, queries, concurrency);
    rows.push(summary(f.name, `warm c=${concurrency}`, many.times, many.errors, many.elapsed));
    const [a, b] = rows.slice(-2);
    log(
      `${f.name}: c=1 p50 ${a.p50.toFixed(1)} p90 ${a.p90.toFixed(1)} max ${a.max.toFixed(0)} ms; c=${concurrency} ${b.throughput?.toFixed(0)} req/s, p90 ${b.p90.toFixed(0)} ms, ${a.errors + b.errors} errors`,
    );
  }

  let restart: { neo4jSeconds: number; apiSeconds: number } | null = null;
  if (cold > 0) {
    const both = restartWhat === 'both';
    log(
      both
        ? 'restarting Neo4j and the API (the page cache and the query caches start empty)'
        : 'restarting Neo4j under the running API',
    );
    if (both) {
      api.kill('SIGTERM');
      await closePools();
    }
    const inst = instance(port);
    let t = performance.now();
    await stop(inst);
    await start(inst);
    const neo4jSeconds = (performance.now() - t) / 1000;
    t = performance.now();
    if (both) api = startProcess('src/server.ts', env);
    await waitHttp(`${url}/health/ready`);
    restart = { neo4jSeconds, apiSeconds: (performance.now() - t) / 1000 };
    log(`Neo4j up in ${neo4jSeconds.toFixed(1)} s, the API ready ${restart.apiSeconds.toFixed(1)} s later`);
    const times = new Map(fields.map((f) => [f.name, { times: [] as number[], errors: [] as string[] }]));
    for (const s of afterRestart)
      for (const f of fields) {
        const r = await run(url, [f.query(s)], 1);
        const m = times.get(f.name) as { times: number[]; errors: string[] };
        m.times.push(...r.times);
        m.errors.push(...r.errors);
      }
    for (const f of fields) {
      const m = times.get(f.name) as { times: number[]; errors: string[] };
      const row = summary(f.name, 'after restart', m.times, m.errors, null);
      rows.push(row);
      log(`${f.name} after restart: p50 ${row.p50.toFixed(0)} p90 ${row.p90.toFixed(0)} max ${row.max.toFixed(0)} ms`);
    }
  }
  api.kill('SIGTERM');
  await closePools();

  const outDir = resolve(ROOT, String(values.out));
  mkdirSync(outDir, { recursive: true });
  const stem = join(
    outDir,
    `sweep-${new Date().toISOString().slice(0, 10)}-${scale}x${from === 'any' ? '-any-start' : ''}${restartWhat === 'neo4j' ? '-neo4j-restart' : ''}${words ? '-some' : ''}`,
  );
  const result = {
    date: new Date().toISOString(),
    scale,
    models: register.models,
    companies: register.companies,
    seed,
    starts,
    concurrency,
    cold,
    from,
    restartWhat,
    restart,
    rows,
  };
  writeFileSync(`${stem}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${stem}.md`, markdown(result));
  process.stdout.write(markdown(result));
  log(`wrote ${stem}.json and .md`);
}

function markdown(r: {
  scale: number;
  models: number;
  concurrency: number;
  from: string;
  rows: Row[];
  restart: unknown;
}): string {
  const fmt = (n: number | null) => (n === null || Number.isNaN(n) ? '–' : n < 100 ? n.toFixed(1) : n.toFixed(0));
  const fields = [...new Set(r.rows.map((x) => x.field))];
  const at = (f: string, phase: string) => r.rows.find((x) => x.field === f && x.phase === phase);
  const lines = [
    `Scale ${r.scale}x (${r.models} models), uncached API, random starts (${r.from === 'any' ? 'entities of every type in turn; company policies from random companies' : 'companies'}); times in ms.`,
    '',
    `| field | warm p50 | warm p90 | warm max | c=${r.concurrency} req/s | c=${r.concurrency} p90 | errors | after restart p50 | after restart p90 | after restart max |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const f of fields) {
    const one = at(f, 'warm c=1');
    const many = at(f, `warm c=${r.concurrency}`);
    const cold = at(f, 'after restart');
    const errors = (one?.errors ?? 0) + (many?.errors ?? 0) + (cold?.errors ?? 0);
    lines.push(
      `| ${f} | ${fmt(one?.p50 ?? null)} | ${fmt(one?.p90 ?? null)} | ${fmt(one?.max ?? null)} | ${fmt(many?.throughput ?? null)} | ${fmt(many?.p90 ?? null)} | ${errors} | ${fmt(cold?.p50 ?? null)} | ${fmt(cold?.p90 ?? null)} | ${fmt(cold?.max ?? null)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

main().then(
  () => process.exit(0),
  (error) => {
    log((error as Error).stack ?? String(error));
    process.exit(1);
  },
);
