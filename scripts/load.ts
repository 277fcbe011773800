/** Applies migrations and loads the default data set: tsx scripts/load.ts [--reset] */
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { cypher } from '../src/db/cypher';
import { loadDefaultData } from '../src/load/default-data';

async function main(): Promise<void> {
  const config = parseConfig();
  const db = openDatabase(config);
  try {
    if (process.argv.includes('--reset')) {
      await db.autoCommit(cypher('load/delete-all'));
      console.error('[load] graph emptied');
    }
    const started = Date.now();
    await loadDefaultData(db, (m) => console.error(`[load] ${m}`));
    console.error(`[load] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(`[load] failed: ${error.message}`);
  process.exit(1);
});
