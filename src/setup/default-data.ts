import { join } from 'node:path';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { type ImportOptions, importFile } from '../filing/import';
import { backfillNameKeys } from '../load/name-keys';
import { buildSeed, DATA_DIR } from '../load/seed';
import { writeBatch } from '../load/write';

export interface BundledList {
  file: string;
  options: ImportOptions & { source: string; sourceTitle: string };
}

/** The filing lists the project ships, imported in this order with these sources. */
export const BUNDLED_LISTS: readonly BundledList[] = [
  {
    file: join(DATA_DIR, 'cac-filings-partial.csv'),
    options: {
      source: 'cac-filings-partial',
      sourceTitle: 'CAC filing list, partial (66 rows in the official layout, gathered from public material)',
    },
  },
  {
    file: join(DATA_DIR, 'cac-filings-more.csv'),
    options: {
      source: 'cac-filings-more',
      sourceTitle:
        'CAC filing and registration (登记) rows quoted elsewhere (25 rows; the source of each row in its 来源 column)',
    },
  },
];
export const DEFAULT_FILING_LIST = BUNDLED_LISTS[0].file;
export const MORE_FILINGS = BUNDLED_LISTS[1].file;

/** Migrations, then name keys for any entity without them (a graph written before they existed). Idempotent. */
export async function prepareGraph(db: Database, log: (m: string) => void = () => undefined): Promise<void> {
  await migrate(db, log);
  await backfillNameKeys(db, log);
}

/** Migrations, then the report, reference data and the bundled filing lists. Idempotent. */
export async function loadDefaultData(db: Database, log: (m: string) => void = () => undefined): Promise<void> {
  await prepareGraph(db, log);
  const batch = buildSeed();
  const seed = await writeBatch(db, batch);
  log(
    `report and reference data: ${batch.nodes.size} nodes, ${batch.rels.size} relationships (${seed.nodes + seed.rels} upserts)`,
  );
  for (const list of BUNDLED_LISTS) {
    const report = await importFile(db, list.file, list.options);
    log(
      `${list.options.source}: ${report.valid} of ${report.rows} rows written, ${report.skipped} skipped, ${report.warnings.length} warnings`,
    );
    // Each skipped row by name, with why: a count alone says nothing a reviewer can check.
    for (const [row, rules] of skippedRows(report.errors))
      log(`${list.options.source}: row ${row} skipped: ${rules.join('; ')}`);
  }
}

/** The listed errors grouped by row, in row order: "备案单位 is required and empty" for each. */
export function skippedRows(errors: readonly { row: number; column: string; rule: string }[]): [number, string[]][] {
  const byRow = new Map<number, string[]>();
  for (const e of errors) {
    const rules = byRow.get(e.row) ?? [];
    rules.push(`${e.column} ${e.rule}`);
    byRow.set(e.row, rules);
  }
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]);
}
