import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instance, status, stop } from '../../src/db/bundled-neo4j';
import { freePort, runTs } from '../support/processes';

jest.setTimeout(240_000);

/** Every command the README lists, as npm runs it: [npm script, entry point, an option it has]. */
const COMMANDS: [string, string, string][] = [
  ['start', 'src/server.ts', '--help'],
  ['neo4j', 'scripts/neo4j.ts', '--help'],
  ['data:load', 'scripts/load.ts', '--reset'],
  ['import', 'scripts/import.ts', '--dry-run'],
  ['generate', 'scripts/generate.ts', '--scale'],
  ['bench', 'scripts/bench.ts', '--concurrency'],
  ['bench:import', 'scripts/bench-import.ts', '--rows'],
  ['load', 'scripts/load-test.ts', '--connections'],
  ['codegen', 'scripts/codegen.ts', '--check'],
  ['calibrate', 'scripts/calibrate-cost.ts', '--runs'],
  ['mcp', 'scripts/mcp.ts', 'stdio'],
];

/** Runs a command where nothing could be started without notice: a Bolt port no server uses. */
async function run(entry: string, args: string[], env: Record<string, string> = {}) {
  const port = await freePort();
  const child = runTs(entry, args, { NEO4J_URI: '', NEO4J_BOLT_PORT: String(port), ...env });
  const code = await child.exited;
  return { code, output: child.output(), port };
}

/**
 * Usage checks start a process each and need no database: they run three at a time, started
 * together before the tests read their outcomes (one at a time they took 40 s of the suite).
 */
const usageRuns = new Map<string, Promise<Awaited<ReturnType<typeof run>>>>();
const started: Promise<unknown>[] = [];
function usage(entry: string, args: string[]) {
  const key = JSON.stringify([entry, args]);
  let result = usageRuns.get(key);
  if (!result) {
    // Each run waits for the one started three before it: three at a time.
    const turn = (started[started.length - 3] ?? Promise.resolve()).catch(() => undefined);
    result = turn.then(() => run(entry, args));
    started.push(result);
    usageRuns.set(key, result);
  }
  return result;
}

const USAGE_ERRORS: [string, string, string[], string][] = [
  ['import', 'scripts/import.ts', [], 'missing argument FILE'],
  ['import', 'scripts/import.ts', ['a.csv', 'b.csv'], 'unexpected argument "b.csv"'],
  [
    'import',
    'scripts/import.ts',
    ['a.csv', '--batch', 'many'],
    '--batch must be a whole number from 1 to 100000, got "many"',
  ],
  ['generate', 'scripts/generate.ts', [], 'give --scale N or --remove'],
  ['generate', 'scripts/generate.ts', ['--scale', '0'], '--scale must be a number from 0.01 to 10000, got "0"'],
  [
    'bench',
    'scripts/bench.ts',
    ['--concurrency', '1,x'],
    '--concurrency must be a whole number from 1 to 1024, got "x"',
  ],
  ['neo4j', 'scripts/neo4j.ts', ['restart'], 'unknown command "restart"; use one of: fetch, start, stop, status, run'],
  ['neo4j', 'scripts/neo4j.ts', [], 'missing argument COMMAND'],
  ['start', 'src/server.ts', ['extra'], 'unexpected argument "extra"'],
];
const STRAY = COMMANDS.filter(([name]) => name !== 'import' && name !== 'neo4j');

describe('every command behaves like a good command-line tool (regression: bench --help started a full run)', () => {
  beforeAll(async () => {
    for (const [, entry] of COMMANDS) usage(entry, ['--help']);
    for (const [, entry] of COMMANDS) usage(entry, ['--frobnicate']);
    for (const [, entry] of STRAY) usage(entry, ['stray']);
    for (const [, entry, args] of USAGE_ERRORS) usage(entry, args);
    await Promise.allSettled(usageRuns.values());
  });

  it.each(COMMANDS)(
    '%s --help prints usage, options with defaults and an example, exits 0, starts nothing',
    async (_name, entry, option) => {
      const r = await usage(entry, ['--help']);
      const port = r.port;
      expect([r.code, r.output]).toEqual([0, expect.stringMatching(/^usage: /)]);
      expect(r.output).toContain(option);
      expect(r.output).toMatch(/example: .*npm (start|run )/);
      expect(r.output).toMatch(/exit codes: 0 done, 1 failed, 2 usage error/);
      expect(r.output).not.toMatch(/\[neo4j\] starting/);
      expect(await status(instance(port))).toBe(false);
    },
  );

  it.each(COMMANDS)(
    '%s with an unknown option names it in one line, prints the usage, exits 2',
    async (name, entry) => {
      const r = await usage(entry, ['--frobnicate']);
      expect(r.code).toBe(2);
      expect(r.output.split('\n')[0]).toBe(
        `npm ${name === 'start' ? 'start' : `run ${name}`}: Unknown option '--frobnicate'`,
      );
      expect(r.output).toContain('usage: ');
      expect(r.output).not.toMatch(/\[neo4j\] starting/);
    },
  );

  it.each(STRAY)('%s with a stray argument names it, prints the usage, exits 2', async (name, entry) => {
    const r = await usage(entry, ['stray']);
    expect(r.code).toBe(2);
    expect(r.output.split('\n')[0]).toBe(
      `npm ${name === 'start' ? 'start' : `run ${name}`}: unexpected argument "stray"`,
    );
  });

  it.each(USAGE_ERRORS)('%s %j is a usage error: %s', async (name, entry, args, message) => {
    const r = await usage(entry, args);
    expect(r.code).toBe(2);
    expect(r.output.split('\n')[0]).toBe(`npm ${name === 'start' ? 'start' : `run ${name}`}: ${message}`);
    expect(r.output).not.toMatch(/\[neo4j\] starting/);
  });
});

describe('commands that need the graph', () => {
  const list = () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'list.csv');
    writeFileSync(
      file,
      '序号,属地,模型名称,备案单位,备案编号,备案时间\n1,北京市,命令行模型,北京命令行科技有限公司,,2025-01-02\n,北京市,,北京命令行科技有限公司,,2025-01-02\n',
    );
    return file;
  };

  it.each([
    [
      'a missing file',
      () => join(mkdtempSync(join(tmpdir(), 'cli-')), 'missing.csv'),
      /cannot read .*missing\.csv: there is no such file \(check the path\)/,
    ],
    [
      'a folder',
      () => mkdtempSync(join(tmpdir(), 'cli-dir-')).concat('.csv'),
      /cannot read .*: (there is no such file|it is a folder)/,
    ],
    [
      'a corrupt workbook',
      () => {
        const f = join(mkdtempSync(join(tmpdir(), 'cli-')), 'broken.xlsx');
        writeFileSync(f, Buffer.from('PK\u0003\u0004 not really a workbook at all'));
        return f;
      },
      /broken\.xlsx is not a readable XLSX workbook \(.+\); open it in a spreadsheet program and save it again/,
    ],
    [
      'a file with no header the importer knows',
      () => {
        const f = join(mkdtempSync(join(tmpdir(), 'cli-')), 'hello.csv');
        writeFileSync(f, 'hello,world\n1,2\n');
        return f;
      },
      /no 模型名称 column[\s\S]*hello\.csv has no header row with the published columns/,
    ],
    [
      'two columns for one field',
      () => {
        const f = join(mkdtempSync(join(tmpdir(), 'cli-')), 'twice.csv');
        writeFileSync(f, '模型名称,备案单位,模型名称\n甲,乙公司,丙\n');
        return f;
      },
      /two 模型名称 columns \("模型名称", column 1, and "模型名称", column 3\); keep one/,
    ],
  ])(
    'import of %s: one clear line, exit 1, no Neo4j started (regression: a stack trace, exit 3)',
    async (_what, make, message) => {
      const port = await freePort();
      const r = await run('scripts/import.ts', [make(), '--dry-run'], { NEO4J_BOLT_PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.output).toMatch(message);
      expect(r.output).toMatch(/\[import\] failed: /);
      expect(r.output).not.toMatch(/\n\s+at |node:internal|\[neo4j\] starting/);
      expect(await status(instance(port))).toBe(false);
    },
  );

  it('say what to check when NEO4J_URI names a server that is not there (regression: "retry shortly")', async () => {
    const port = await freePort();
    const r = await run('scripts/import.ts', [list(), '--dry-run'], { NEO4J_URI: `bolt://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.output).toMatch(
      new RegExp(`bolt://127\\.0\\.0\\.1:${port}\\)\\. Check that this server runs and NEO4J_URI`),
    );
    expect(r.output).not.toMatch(/retry shortly/);
  });

  it('start the bundled Neo4j as npm start does when there is no NEO4J_URI, and exit 3 when rows were skipped', async () => {
    const port = await freePort();
    try {
      const r = await run('scripts/import.ts', [list(), '--dry-run'], { NEO4J_BOLT_PORT: String(port) });
      expect(r.output).toMatch(/using the bundled Neo4j/);
      expect(r.output).toMatch(/\[neo4j\] ready/);
      expect(r.output).toMatch(/2 rows, 1 valid, 1 skipped \(dry run: nothing written\)/);
      expect(r.code).toBe(3);
    } finally {
      await stop(instance(port));
    }
  });
});
