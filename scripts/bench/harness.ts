/** What the benchmark scripts share: servers they start (and stop), an HTTP client cheap enough not to hide differences, percentiles. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { serverNodeArgs } from '../../src/cli/command';

const ROOT = join(__dirname, '..', '..');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** One keep-alive pool per server: undici's request API costs far less per call than fetch, so the client does not hide the servers' differences. */
const pools = new Map<string, Pool>();
export async function postGraphql(origin: string, query: string): Promise<void> {
  let pool = pools.get(origin);
  if (!pool) {
    // A request unanswered after 10 s counts as an error: a peer without a server-side
    // timeout (as @neo4j/graphql has none) must not hold a cell for minutes.
    pool = new Pool(origin, { connections: 64, pipelining: 1, headersTimeout: 10_000, bodyTimeout: 10_000 });
    pools.set(origin, pool);
  }
  const res = await pool.request({
    path: '/graphql',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await res.body.text();
  if (res.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${res.statusCode} ${text.slice(0, 200)}`);
}

/** Closes the keep-alive pools (so the process can end). */
export async function closePools(): Promise<void> {
  await Promise.all([...pools.values()].map((p) => p.close()));
  pools.clear();
}

/** Closed loop: `concurrency` workers each send the next request when the last returns. */
export async function measure(
  run: () => Promise<unknown>,
  concurrency: number,
  seconds: number,
): Promise<{ latencies: number[]; errors: number; elapsed: number; firstError?: string }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await run();
          latencies.push(performance.now() - t);
        } catch (error) {
          errors += 1;
          firstError ??= (error as Error).message;
        }
      }
    }),
  );
  return {
    latencies: latencies.sort((a, b) => a - b),
    errors,
    elapsed: (performance.now() - started) / 1000,
    firstError,
  };
}

/** The servers this run started: stopped however it ends (regression: a failed run left the @neo4j/graphql server running, holding its caller's pipe open). */
export const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
});

/** Our server runs as `npm start` runs it; the peer with tsx alone. */
export function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const nodeArgs = script === 'src/server.ts' ? serverNodeArgs() : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  return child;
}

export async function waitHttp(url: string, seconds = 120): Promise<void> {
  for (let i = 0; i < seconds * 5; i++) {
    const res = await fetch(url).catch(() => null);
    if (res && res.status < 500) return;
    await sleep(200);
  }
  throw new Error(`${url} did not answer in ${seconds} s`);
}
