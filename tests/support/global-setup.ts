/**
 * Integration tests run against a real Neo4j: the one NEO4J_URI names, or the bundled
 * server started here on its own port and data folder (NEO4J_TEST_BOLT_PORT, default
 * 7688), so tests never touch a developer's data. The graph is reset and loaded once.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { instance, start } from '../../src/db/bundled-neo4j';
import { cypher } from '../../src/db/cypher';
import { createDatabase } from '../../src/db/database';
import { loadDefaultData } from '../../src/setup/default-data';

export const STATE_FILE = join(__dirname, '..', '..', '.neo4j', 'test-state.json');

export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  let uri = process.env.NEO4J_URI;
  let started = false;
  const port = Number(process.env.NEO4J_TEST_BOLT_PORT ?? 7688);
  if (!uri) {
    await start(instance(port));
    uri = `bolt://127.0.0.1:${port}`;
    started = true;
  }
  writeFileSync(STATE_FILE, JSON.stringify({ uri, started, port }));
  const db = createDatabase(
    uri,
    process.env.NEO4J_USERNAME ?? 'neo4j',
    process.env.NEO4J_PASSWORD ?? 'neo4j',
    process.env.NEO4J_DATABASE ?? 'neo4j',
  );
  try {
    await db.verify().catch((error: Error) => {
      throw new Error(
        `Neo4j at ${uri} is not reachable (${error.message}). Unset NEO4J_URI to use the bundled server, or start yours.`,
      );
    });
    await db.autoCommit(cypher('load/delete-all'));
    await loadDefaultData(db);
  } finally {
    await db.close();
  }
}
