import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { serverNodeArgs } from '../../src/cli/command';

export const ROOT = join(__dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  process: ChildProcess;
  output: () => string;
  waitFor: (text: string | RegExp, timeoutMs?: number) => Promise<void>;
  exited: Promise<number | null>;
  /** Resolves with the exit code, or rejects with the last of the output when it is not 0. */
  succeeded: () => Promise<void>;
}

/**
 * Runs a TypeScript entry point of the project as a real child process: one node process
 * with tsx's loader (`node --import tsx`), so signals reach the program itself.
 */
export function runTs(script: string, args: string[], env: Record<string, string>): Child {
  // The server runs with the options `npm start` gives it (its heap cap among them).
  const nodeArgs = script === 'src/server.ts' ? serverNodeArgs() : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => out,
    exited,
    succeeded: async () => {
      const code = await exited;
      if (code !== 0) throw new Error(`${script} exited with ${code}; its output:\n${out.slice(-4000)}`);
    },
    waitFor: (text, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
          if (typeof text === 'string' ? out.includes(text) : text.test(out)) {
            clearInterval(timer);
            resolve();
          } else if (Date.now() - started > timeoutMs) {
            clearInterval(timer);
            reject(new Error(`timed out waiting for ${text}; output so far:\n${out.slice(-3000)}`));
          }
        }, 50);
      }),
  };
}
