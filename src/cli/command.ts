import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config';
import { instance, start } from '../db/bundled-neo4j';
import { cypher } from '../db/cypher';
import { type Database, openDatabase } from '../db/database';
import { loadDefaultData } from '../setup/default-data';

/** Exit codes every command shares (docs/configuration.md lists them). */
export const EXIT = {
  /** Done. */
  OK: 0,
  /** Failed: the message says why and what to do. */
  FAILED: 1,
  /** A usage error: an unknown option, a missing or extra argument, a bad value. Nothing was started or written. */
  USAGE: 2,
  /** The importer wrote the valid rows and skipped others (listed with row and column). */
  ROWS_SKIPPED: 3,
} as const;

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Shown in the usage; for strings also the value when the option is not given. */
  default?: string;
  /** The value's name in the usage, e.g. N or FILE. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  /** How it is run, e.g. "npm run import --". */
  name: string;
  summary: string;
  /** Positional arguments in order, e.g. ["FILE"]; `variadic` lets the last repeat. */
  positionals?: { names: string[]; min: number };
  options: Record<string, OptionSpec>;
  example: string;
}

export class UsageError extends Error {}

export function usage(spec: CommandSpec): string {
  const positionals = (spec.positionals?.names ?? [])
    .map((p, i) => (i < (spec.positionals?.min ?? 0) ? p : `[${p}]`))
    .join(' ');
  const lines = [
    `usage: ${spec.name}${positionals ? ` ${positionals}` : ''} [options]`,
    '',
    spec.summary,
    '',
    'options:',
  ];
  const entries = Object.entries({
    ...spec.options,
    help: { type: 'boolean', description: 'print this help and exit' } as OptionSpec,
  });
  const width = Math.max(
    ...entries.map(([n, o]) => `--${n}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`.length),
  );
  for (const [name, o] of entries) {
    const flag = `--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const fallback =
      o.default !== undefined
        ? ` (default: ${o.default})`
        : o.type === 'boolean' && name !== 'help'
          ? ' (default: off)'
          : '';
    lines.push(`  ${flag.padEnd(width)}  ${o.description}${fallback}`);
  }
  lines.push(
    '',
    `exit codes: 0 done, 1 failed, 2 usage error${spec.name.includes('import') ? ', 3 some rows skipped' : ''}`,
    '',
    `example: ${spec.example}`,
  );
  return lines.join('\n');
}

/**
 * Parses a command line with Node's util.parseArgs (strict): --help prints the usage and
 * exits 0; an unknown option, a missing value, or a missing or extra argument prints one
 * line naming it and the usage, and exits 2, before anything is started or written.
 */
export function parseCommand(
  spec: CommandSpec,
  argv = process.argv.slice(2),
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([n, o]) => [
      n,
      { type: o.type, ...(o.type === 'string' && o.default !== undefined ? { default: o.default } : {}) },
    ]),
  );
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
    if (parsed.values.help) {
      process.stdout.write(`${usage(spec)}\n`);
      process.exit(EXIT.OK);
    }
    const { names = [], min = 0 } = spec.positionals ?? {};
    if (parsed.positionals.length < min) throw new UsageError(`missing argument ${names[parsed.positionals.length]}`);
    if (parsed.positionals.length > names.length)
      throw new UsageError(`unexpected argument "${parsed.positionals[names.length]}"`);
    return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
  } catch (error) {
    const message =
      error instanceof UsageError
        ? error.message
        : (error as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
    usageExit(spec, message);
  }
}

/** One line naming what is wrong, then the usage; exit 2. */
export function usageExit(spec: CommandSpec, message: string): never {
  process.stderr.write(`${spec.name.replace(/ --$/, '')}: ${message}\n\n${usage(spec)}\n`);
  process.exit(EXIT.USAGE);
}

/** A whole number from min to max, or a usage error naming the option. */
export function intOption(spec: CommandSpec, name: string, raw: unknown, min: number, max: number): number {
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || value < min || value > max)
    usageExit(spec, `--${name} must be a whole number from ${min} to ${max}, got "${String(raw)}"`);
  return value;
}

/** A number from min to max (decimals allowed), or a usage error naming the option. */
export function numberOption(spec: CommandSpec, name: string, raw: unknown, min: number, max: number): number {
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(value) || value < min || value > max)
    usageExit(spec, `--${name} must be a number from ${min} to ${max}, got "${String(raw)}"`);
  return value;
}

/**
 * Progress that reads well both ways: on a terminal one live line rewritten in place; in a
 * log or CI output one line per update, at most one every `everyMs` (and the last).
 */
export function progress(prefix: string, stream: NodeJS.WriteStream = process.stderr, everyMs = 2000) {
  const live = Boolean(stream.isTTY);
  let last = 0;
  let pending = '';
  return {
    update(text: string): void {
      if (live) {
        stream.write(`\r${prefix} ${text}\u001b[K`);
        return;
      }
      pending = text;
      const now = Date.now();
      if (now - last >= everyMs) {
        stream.write(`${prefix} ${text}\n`);
        last = now;
        pending = '';
      }
    },
    /** Ends the live line, or writes the last update a log has not seen. */
    done(): void {
      if (live) stream.write('\n');
      else if (pending) stream.write(`${prefix} ${pending}\n`);
      pending = '';
    },
  };
}

/**
 * The graph a command works on, as `npm start` finds it: NEO4J_URI when set, else the bundled
 * Neo4j, started if it is not running (and left running for the next command) and loaded
 * with the default data when it holds none. When the graph cannot be reached the error says
 * what to check, not "retry shortly".
 */
export async function openGraph(config: Config, log: (m: string) => void, { load = true } = {}): Promise<Database> {
  if (!config.neo4j.uri) {
    log(
      `no NEO4J_URI: using the bundled Neo4j on port ${config.neo4j.boltPort} (starting it if needed; npm run neo4j -- stop stops it)`,
    );
    await start(instance(config.neo4j.boltPort));
  }
  const db = openDatabase(config);
  try {
    await db.verify();
  } catch (error) {
    await db.close();
    const where = config.neo4j.uri ?? `the bundled Neo4j on port ${config.neo4j.boltPort}`;
    throw new Error(
      `${(error as Error).message.replace(/;? ?retry shortly\.?$/, '')} (${where}). ${config.neo4j.uri ? 'Check that this server runs and NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD are right, or unset NEO4J_URI to use the bundled Neo4j.' : 'Run npm run neo4j -- status, and see .neo4j/server-*/server.log.'}`,
    );
  }
  if (!config.neo4j.uri && load) {
    const [row] = await db.read(cypher('load/has-default-data'));
    if (Number(row?.n ?? 0) === 0) {
      log('the bundled Neo4j holds no data yet: loading the default data set first (as npm start does)');
      await loadDefaultData(db, log);
    }
  }
  return db;
}

/**
 * Node's options for the API server, read from `npm start` in package.json so that the load
 * test, the benchmark and the tests run the server exactly as users do (one home for the
 * heap cap: V8 grows its old space lazily under load, and the cap keeps RSS near 200 MB).
 */
export function serverNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const words = pkg.scripts.start.split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'src/server.ts')
    throw new Error(`npm start is "${pkg.scripts.start}"; expected "node [options] src/server.ts"`);
  return words.slice(1, -1);
}

/**
 * The one line a command prints when it fails: the reason, with what to check instead of the
 * API's "retry shortly" (a person at a terminal needs to know what to fix), then exit 1.
 */
export function failWith(name: string, error: Error): never {
  let message = error.message.replace(/;? ?retry shortly\.?$/, '.');
  if ((error as { code?: string }).code === 'SERVICE_UNAVAILABLE' || /not reachable|unavailable/i.test(message))
    message +=
      ' Check that Neo4j runs (npm run neo4j -- status) or that NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD name a running server.';
  console.error(`[${name}] failed: ${message}`);
  process.exit(EXIT.FAILED);
}
