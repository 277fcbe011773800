import { join } from 'node:path';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { importFile } from '../filing/import';
import { DATA_DIR, buildSeed } from './seed';
import { writeBatch } from './write';

export const DEFAULT_FILING_LIST = join(DATA_DIR, 'cac-filings-partial.csv');

/** Migrations, then the report, reference data and the partial filing list. Idempotent. */
export async function loadDefaultData(db: Database, log: (m: string) => void = () => undefined): Promise<void> {
  await migrate(db, log);
  const { batch } = buildSeed();
  const seed = await writeBatch(db, batch);
  log(`report and reference data: ${batch.nodes.size} nodes, ${batch.rels.size} relationships (${seed.nodes + seed.rels} upserts)`);
  const filings = await importFile(db, DEFAULT_FILING_LIST, {
    source: 'cac-filings-partial',
    sourceTitle: 'CAC filing list, partial (66 rows in the official layout, gathered from public material)',
  });
  log(`filing list: ${filings.valid} of ${filings.rows} rows written, ${filings.skipped} skipped, ${filings.warnings.length} warnings`);
  if (filings.skipped > 0) throw new Error(`the bundled filing list has ${filings.skipped} invalid rows: ${filings.errors[0].rule}`);
}
