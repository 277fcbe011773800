/**
 * Composition root: the only module with side effects. Starts the bundled Neo4j and loads
 * the data when NEO4J_URI is not set, applies migrations, then serves GraphQL.
 */
import type { Server } from 'node:http';
import { instance as neo4jInstance, start as startBundledNeo4j } from '../scripts/neo4j';
import { createApp } from './app';
import { boltUri, parseConfig } from './config';
import { createDatabase } from './db/database';
import { migrate } from './db/migrate';
import { loadDefaultData } from './load/default-data';

const log = (message: string) => console.error(`[server] ${message}`);

async function main(): Promise<void> {
  const config = parseConfig();
  if (!config.neo4j.uri) {
    await startBundledNeo4j(neo4jInstance(config.neo4j.boltPort));
  }
  const db = createDatabase(boltUri(config), config.neo4j.username, config.neo4j.password, config.neo4j.database);
  await db.verify();
  if (!config.neo4j.uri || process.env.LOAD_DATA === 'true') {
    await loadDefaultData(db, (m) => log(m));
  } else {
    await migrate(db, log);
  }
  const app = await createApp({ db, config });
  const server: Server = app.express.listen(config.port, () => {
    log(`GraphQL at http://localhost:${config.port}/graphql (open it in a browser for the IDE)`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: draining requests, then closing the Neo4j driver`);
    server.close(() => {
      void app
        .stop()
        .then(() => db.close())
        .then(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  log(`could not start: ${error.message}`);
  process.exit(1);
});
