/**
 * Imports an official filing list (CSV or XLSX): npm run import -- FILE [options]
 * Every problem is listed with its row and column; --dry-run writes nothing.
 */
import { type CommandSpec, EXIT, intOption, openGraph, parseCommand, progress } from '../src/cli/command';
import { parseConfig } from '../src/config';
import { migrate } from '../src/db/migrate';
import { formatProblems, importFile } from '../src/filing/import';

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
  const db = await openGraph(parseConfig(), log);
  try {
    await migrate(db);
    const started = Date.now();
    const bar = progress('[import]');
    const report = await importFile(db, positionals[0], {
      dryRun: Boolean(values['dry-run']),
      source,
      rowsPerTransaction: batch,
      onProgress: (done, total) => bar.update(`${done}/${total} rows written`),
    });
    bar.done();
    console.log(formatProblems(report));
    log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = report.skipped > 0 ? EXIT.ROWS_SKIPPED : EXIT.OK;
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(`[import] failed: ${error.message}`);
  process.exit(EXIT.FAILED);
});
