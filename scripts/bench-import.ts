/**
 * Times the filing-list importer at scale, on a scratch Neo4j of its own (the rows it writes
 * are ordinary facts, so they never go near your data):
 *   npm run bench:import -- [--rows 346000] [--batch 1000] [--port 7690] [--out bench/results] [--keep]
 * Writes a synthetic list in the official layout as CSV, loads the report into the scratch
 * database, imports the list with the same code as `npm run import`, checks the graph holds
 * every row exactly once, imports it again (a rerun must change nothing), and records
 * JSON and Markdown results. The scratch server and its data are removed unless --keep.
 */
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { type CommandSpec, intOption, parseCommand, progress } from '../src/cli/command';
import { instance, start, stop } from '../src/db/bundled-neo4j';
import { cypher } from '../src/db/cypher';
import { createDatabase } from '../src/db/database';
import { type ImportReport, importParsed } from '../src/filing/import';
import { parseFile } from '../src/filing/parse';
import { loadDefaultData } from '../src/setup/default-data';
import { filingListCsv } from '../src/synthetic/filing-list';

const ROOT = join(__dirname, '..');
const SPEC: CommandSpec = {
  name: 'npm run bench:import --',
  summary:
    'Times the filing-list importer on a scratch Neo4j of its own: writes a synthetic list in the official CSV layout,\n' +
    'imports it twice (the rerun must change nothing), checks every row landed once, records JSON and Markdown.',
  options: {
    rows: { type: 'string', value: 'N', default: '346000', description: 'rows in the synthetic list (1 to 5000000)' },
    batch: { type: 'string', value: 'N', default: '1000', description: 'rows per transaction (1 to 100000)' },
    port: { type: 'string', value: 'PORT', default: '7690', description: 'Bolt port of the scratch Neo4j' },
    out: { type: 'string', value: 'DIR', default: 'bench/results', description: 'where the results go' },
    keep: { type: 'boolean', description: 'keep the scratch Neo4j and its data afterwards' },
  },
  example: 'npm run bench:import -- --rows 346000',
};
const log = (m: string) => process.stderr.write(`[bench:import] ${m}\n`);
const seconds = (ms: number) => Math.round(ms) / 1000;

interface Run {
  label: string;
  parseMs: number;
  report: Omit<ImportReport, 'errors' | 'warnings'> & { errors: number; warnings: number };
  totalMs: number;
  rowsPerSecond: number;
}

async function main(): Promise<void> {
  const { values } = parseCommand(SPEC);
  const rows = intOption(SPEC, 'rows', values.rows, 1, 5_000_000);
  const batch = intOption(SPEC, 'batch', values.batch, 1, 100_000);
  const port = intOption(SPEC, 'port', values.port, 1, 65_535);
  const out = resolve(ROOT, String(values.out));

  const scratch = instance(port);
  rmSync(scratch.home, { recursive: true, force: true });
  await start(scratch);
  const db = createDatabase(`bolt://127.0.0.1:${port}`, 'neo4j', 'neo4j', 'neo4j');
  try {
    await loadDefaultData(db, (m) => log(m));

    let mark = performance.now();
    const csv = filingListCsv(rows);
    const dir = join(ROOT, 'bench', 'tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `filings-${rows}.csv`);
    writeFileSync(file, csv);
    const generateMs = performance.now() - mark;
    log(
      `wrote ${rows} rows (${(statSync(file).size / 2 ** 20).toFixed(1)} MiB) to ${file} in ${seconds(generateMs)} s`,
    );

    const runs: Run[] = [];
    for (const label of ['first import', 'rerun (nothing changes)']) {
      log(`${label}...`);
      mark = performance.now();
      const parsed = await parseFile(file);
      const parseMs = performance.now() - mark;
      const importStarted = performance.now();
      const bar = progress('[bench:import]');
      const report = await importParsed(db, parsed, file, {
        source: 'bench-import',
        rowsPerTransaction: batch,
        onProgress: (written, read) => {
          const s = (performance.now() - importStarted) / 1000;
          bar.update(`${read} rows read, ${written} written, ${Math.round(written / s)} rows/s`);
        },
      });
      bar.done();
      const totalMs = performance.now() - mark;
      runs.push({
        label,
        parseMs: Math.round(parseMs),
        report: { ...report, errors: report.errorCount, warnings: report.warningCount },
        totalMs: Math.round(totalMs),
        rowsPerSecond: Math.round(rows / (totalMs / 1000)),
      });
      log(
        `${label}: ${seconds(totalMs)} s (parse ${seconds(parseMs)}, resolve ${seconds(report.timings.resolveMs)}, validate ${seconds(report.timings.validateMs)}, write ${seconds(report.timings.writeMs)}); ${report.valid} valid, ${report.errorCount} errors`,
      );
      if (report.errors.length)
        throw new Error(
          `the generated list had errors, e.g. row ${report.errors[0].row} ${report.errors[0].column}: ${report.errors[0].rule}`,
        );
    }

    const [check] = await db.read(cypher('filing/source-counts'), { source: 'bench-import' }, { timeoutMs: 300_000 });
    const counts = {
      models: Number(check.models),
      companies: Number(check.companies),
      develops: Number(check.develops),
      filedIn: Number(check.filedIn),
    };
    log(
      `graph: ${counts.models} models, ${counts.companies} companies, ${counts.develops} DEVELOPS, ${counts.filedIn} FILED_IN from this list`,
    );
    if (counts.models !== rows || counts.develops !== rows || counts.filedIn !== rows) {
      throw new Error(`expected ${rows} models, DEVELOPS and FILED_IN from the list, found ${JSON.stringify(counts)}`);
    }

    const date = new Date().toISOString();
    const server = await db.serverVersion();
    const result = {
      date,
      rows,
      rowsPerTransaction: batch,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        neo4j: `${server} (bundled scratch server, heap ${process.env.NEO4J_HEAP ?? '1g'}), same machine`,
      },
      generateMs: Math.round(generateMs),
      runs,
      graph: counts,
    };
    mkdirSync(out, { recursive: true });
    const stem = join(out, `import-${date.slice(0, 10)}`);
    writeFileSync(`${stem}.json`, JSON.stringify(result, null, 2));
    writeFileSync(`${stem}.md`, markdown(result));
    log(`results in ${stem}.{json,md}`);
  } finally {
    await db.close();
    await stop(scratch);
    if (!values.keep) rmSync(scratch.home, { recursive: true, force: true });
  }
}

function markdown(r: {
  date: string;
  rows: number;
  rowsPerTransaction: number;
  machine: Record<string, unknown>;
  runs: Run[];
  graph: Record<string, number>;
}): string {
  return [
    `# Import benchmark, ${r.date}: ${r.rows} filings`,
    '',
    `Machine: ${r.machine.cpus} cores (${r.machine.cpuModel}), ${r.machine.memoryGb} GiB, Node ${r.machine.node}, Neo4j ${r.machine.neo4j}. ` +
      `A synthetic list in the official CSV layout through \`npm run import\`'s code, ${r.rowsPerTransaction} rows per transaction, into a scratch database holding the report.`,
    '',
    '| run | total s | rows/s | parse s | resolve s | validate s | write s | node upserts | relationship upserts |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.runs.map(
      (x) =>
        `| ${x.label} | ${seconds(x.totalMs)} | ${x.rowsPerSecond} | ${seconds(x.parseMs)} | ${seconds(x.report.timings.resolveMs)} | ${seconds(x.report.timings.validateMs)} | ${seconds(x.report.timings.writeMs)} | ${x.report.written?.nodes ?? 0} | ${x.report.written?.rels ?? 0} |`,
    ),
    '',
    `Afterwards the graph holds ${r.graph.models} models, ${r.graph.companies} companies, ${r.graph.develops} DEVELOPS and ${r.graph.filedIn} FILED_IN relationships from the list: every row exactly once.`,
    '',
  ].join('\n');
}

main().catch((error: Error) => {
  console.error(`[bench:import] failed: ${error.message}`);
  process.exit(1);
});
