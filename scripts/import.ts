/**
 * Imports an official filing list (CSV or XLSX): npm run import -- FILE [options]
 * Every problem is listed with its row and column; --dry-run writes nothing.
 */
import { type CommandSpec, EXIT, failWith, intOption, openGraph, parseCommand, progress } from '../src/cli/command';
import { parseConfig } from '../src/config';
import { formatProblems, importRows } from '../src/filing/import';
import { streamList } from '../src/filing/parse';
import { prepareGraph } from '../src/setup/default-data';

const SPEC: CommandSpec = {
  name: 'npm run import --',
  summary:
    'Imports an official filing list (CSV or XLSX, the published columns 序号, 属地, 模型名称, 备案单位, 备案编号, 备案时间 and optionally 批次).\nWithout NEO4J_URI it uses the bundled Neo4j, starting it if needed.',
  positionals: { names: ['FILE'], min: 1 },
  options: {
    'dry-run': { type: 'boolean', description: 'check every row and list the problems; write nothing' },
    source: {
      type: 'string',
      value: 'LABEL',
      description: 'the source recorded on every fact (default: the file name)',
    },
    batch: { type: 'string', value: 'N', default: '1000', description: 'rows per transaction' },
  },
  example: 'npm run import -- 第十批.xlsx --dry-run',
};

async function main(): Promise<void> {
  const { values, positionals } = parseCommand(SPEC);
  const batch = intOption(SPEC, 'batch', values.batch, 1, 100_000);
  const source = values.source as string | undefined;
  if (source !== undefined && source.trim() === '') throw new Error('--source needs a non-empty label');
  const log = (m: string) => process.stderr.write(`[import] ${m}\n`);
  // The file first: one that cannot be read, or has no usable header, fails before anything starts.
  const file = positionals[0];
  // Read as a stream: validated and written batch by batch, never held whole (a million rows in a bounded memory).
  const { rows, headerProblems } = await streamList(file);
  if (headerProblems().length > 0) {
    for (const problem of headerProblems()) console.error(`  error   row 1, column header: ${problem}`);
    throw new Error(`${file} has no header row with the published columns (listed above); nothing was written`);
  }
  const db = await openGraph(parseConfig(), log);
  try {
    await prepareGraph(db);
    const started = Date.now();
    const bar = progress('[import]');
    const report = await importRows(db, rows, headerProblems, file, {
      dryRun: Boolean(values['dry-run']),
      source,
      rowsPerTransaction: batch,
      onProgress: (written, read) => bar.update(`${read} rows read, ${written} written`),
    });
    bar.done();
    console.log(formatProblems(report));
    // Peak memory: a list is streamed, so it stays bounded whatever the list's length (README, Importing).
    log(
      `${((Date.now() - started) / 1000).toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    process.exitCode = report.skipped > 0 ? EXIT.ROWS_SKIPPED : EXIT.OK;
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => failWith('import', error));
