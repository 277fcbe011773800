import { cypher } from '../../src/db/cypher';
import type { Database } from '../../src/db/database';
import { loadDefaultData } from '../../src/setup/default-data';

/**
 * The suite wipes and reloads its database, so it only ever wipes one it made its own: an
 * empty database, or one holding the marker a previous run of the suite wrote. A database
 * with anything else in it (someone's data) is refused, naming it, and nothing is written.
 */
/** The mark: a property of the graph's own bookkeeping node, so no entity, source or count sees it. */
const MARK = "writtenBy = 'npm test'";

export class ForeignDataError extends Error {}

export async function claimTestDatabase(db: Database, where: string, advice: string): Promise<void> {
  const [row] = await db.read<{ marked: number; other: boolean }>({
    file: 'test/claim',
    text: `RETURN COUNT { MATCH (v:GraphVersion) WHERE v.${MARK} } AS marked,
                  EXISTS { MATCH (n) WHERE NOT n:Migration AND NOT n:GraphVersion } AS other`,
  });
  if (Number(row.marked) === 0 && row.other)
    throw new ForeignDataError(
      `The test suite will not wipe ${where}: it holds data the suite did not write. ${advice}`,
    );
}

/** Empties the suite's own database and loads the default data set, marking it as the suite's. */
export async function resetTestDatabase(db: Database, where: string, advice = ''): Promise<void> {
  await claimTestDatabase(db, where, advice);
  // Marked again at once after emptying, so a run killed while loading leaves a database the
  // next run still knows as its own.
  const mark = () =>
    db.write({
      file: 'test/mark',
      text: `MERGE (v:GraphVersion {key: 'main'}) SET v.${MARK}, v.markedAt = datetime()`,
    });
  await db.autoCommit(cypher('load/delete-all'));
  await mark();
  await loadDefaultData(db);
}
