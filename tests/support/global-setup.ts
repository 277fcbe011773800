/**
 * Integration tests run against a real Neo4j: the bundled server started here on its own port
 * and data folder (NEO4J_TEST_BOLT_PORT, default 7688), or the one NEO4J_TEST_URI names. Never
 * NEO4J_URI: that is where a user keeps the data `npm start` serves. The graph is reset and
 * loaded once, and only in a database the suite may wipe (tests/support/test-database.ts).
 * The bundled server watches this process: a killed `npm test` does not leave it running.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { instance, start } from '../../src/db/bundled-neo4j';
import { createDatabase } from '../../src/db/database';
import { resetTestDatabase } from './test-database';

export const STATE_FILE = join(__dirname, '..', '..', '.neo4j', 'test-state.json');

/** Where the suite runs: NEO4J_TEST_URI, else the bundled test server; NEO4J_URI never counts. */
export function testTarget(env: NodeJS.ProcessEnv): { uri: string; bundled: boolean; port: number } {
  const port = Number(env.NEO4J_TEST_BOLT_PORT ?? 7688);
  return env.NEO4J_TEST_URI
    ? { uri: env.NEO4J_TEST_URI, bundled: false, port }
    : { uri: `bolt://127.0.0.1:${port}`, bundled: true, port };
}

export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  const { uri, bundled: started, port } = testTarget(process.env);
  if (started) {
    const keep = process.env.KEEP_TEST_NEO4J === 'true';
    await start(instance(port), undefined, keep ? {} : { watchPid: process.pid });
  }
  const setting = (name: string) => (started ? undefined : process.env[`NEO4J_TEST_${name}`]);
  const database = setting('DATABASE') ?? 'neo4j';
  const db = createDatabase(uri, setting('USERNAME') ?? 'neo4j', setting('PASSWORD') ?? 'neo4j', database);
  try {
    await db.verify().catch((error: Error) => {
      throw new Error(
        `Neo4j at ${uri} is not reachable (${error.message}). Unset NEO4J_TEST_URI to use the bundled test server, or start yours.`,
      );
    });
    if (started)
      await resetTestDatabase(
        db,
        `the bundled test server on port ${port} (${instance(port).home})`,
        `If it is yours (npm start with NEO4J_BOLT_PORT=${port}), set NEO4J_TEST_BOLT_PORT to another port; ` +
          'if an older version of this suite left it, delete that folder.',
      );
    else
      await resetTestDatabase(
        db,
        `NEO4J_TEST_URI=${uri} (database "${database}")`,
        'Point NEO4J_TEST_URI at an empty database, or unset it to test on the bundled test server ' +
          '(a port and data folder of its own).',
      );
    // Written only once the database is the suite's: test files read their server from it.
    writeFileSync(STATE_FILE, JSON.stringify({ uri, started, port }));
  } finally {
    await db.close();
  }
}
