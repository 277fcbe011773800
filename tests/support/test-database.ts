import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/database';
import { loadDefaultData } from '../../src/setup/default-data';

/**
 * The suite wipes and reloads its database, so it only ever wipes one it made its own: an
 * empty database, or one holding the marker a previous run of the suite wrote. A database
 * with anything else in it (someone's data) is refused, naming it, and nothing is written.
 */
const MARKER = 'TestSuiteMarker';

export class ForeignDataError extends Error {}

export async function claimTestDatabase(db: Database, where: string, advice: string): Promise<void> {
  const [row] = await db.read<{ marked: number; other: boolean }>({
    file: 'test/claim',
    text: `RETURN COUNT { MATCH (m:${MARKER}) } AS marked,
                  EXISTS { MATCH (n) WHERE NOT n:${MARKER} AND NOT n:Migration AND NOT n:GraphVersion } AS other`,
  });
  if (Number(row.marked) === 0 && row.other)
    throw new ForeignDataError(
      `The test suite will not wipe ${where}: it holds data the suite did not write. ${advice}`,
    );
}

/** Empties the suite's own database and loads the default data set, marking it as the suite's. */
export async function resetTestDatabase(db: Database, where: string, advice = ''): Promise<void> {
  await claimTestDatabase(db, where, advice);
  await db.autoCommit(cypher('load/delete-all'));
  await loadDefaultData(db);
  await db.write({ file: 'test/mark', text: `CREATE (:${MARKER} {writtenBy: 'npm test', at: datetime()})` });
}
