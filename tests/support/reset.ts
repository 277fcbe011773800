import type { Database } from '../../src/db/database';
import { resetTestDatabase } from './test-database';

/** Puts the shared data set back exactly as every test file expects it (for files that write). */
export async function resetData(db: Database): Promise<void> {
  await resetTestDatabase(db, `the test database (${process.env.NEO4J_URI})`);
}
