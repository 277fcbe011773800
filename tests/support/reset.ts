import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/database';
import { loadDefaultData } from '../../src/setup/default-data';

/** Puts the shared data set back exactly as every test file expects it (for files that write). */
export async function resetData(db: Database): Promise<void> {
  await db.autoCommit(cypher('load/delete-all'));
  await loadDefaultData(db);
}
