/**
 * Imports an official filing list (CSV or XLSX):
 *   npm run import -- <file> [--dry-run] [--source "<label>"] [--batch <rows per transaction>]
 * Every problem is listed with its row and column; --dry-run writes nothing.
 * Exit code: 0 when every row was valid, 1 when rows were skipped, 2 on a usage error.
 */
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { formatProblems, importFile } from '../src/filing/import';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run import -- <file.csv|file.xlsx> [--dry-run] [--source "<label>"]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dryRun = args.includes('--dry-run');
  const sourceAt = args.indexOf('--source');
  const source = sourceAt >= 0 ? args[sourceAt + 1] : undefined;
  if (sourceAt >= 0 && !source) usage('--source needs a label');
  const batchAt = args.indexOf('--batch');
  const batch = batchAt >= 0 ? Number(args[batchAt + 1]) : 1000;
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000) usage('--batch needs a number of rows per transaction from 1 to 100000');
  const files = args.filter((a, i) => !a.startsWith('--') && (sourceAt < 0 || i !== sourceAt + 1) && (batchAt < 0 || i !== batchAt + 1));
  if (files.length !== 1) usage('give exactly one file');

  const config = parseConfig();
  const db = openDatabase(config);
  try {
    await migrate(db);
    const started = Date.now();
    const report = await importFile(db, files[0], {
      dryRun,
      source,
      rowsPerTransaction: batch,
      onProgress: (done, total) => process.stderr.write(`\r[import] ${done}/${total} rows written`),
    });
    if (report.written) process.stderr.write('\n');
    console.log(formatProblems(report));
    console.error(`[import] ${((Date.now() - started) / 1000).toFixed(1)} s`);
    process.exitCode = report.skipped > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(`[import] failed: ${error.message}`);
  process.exit(2);
});
