/**
 * Composition root: the only module with side effects. Starts the bundled Neo4j when
 * NEO4J_URI is not set, serves at once, and applies migrations (and the data, for the
 * bundled server) as soon as Neo4j answers, retrying while it does not.
 */
import type { Server } from 'node:http';
import { instance as neo4jInstance, start as startBundledNeo4j } from '../scripts/neo4j';
import { createApp } from './app';
import { boltUri, parseConfig } from './config';
import { createDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';
import { loadDefaultData } from './load/default-data';
import { createLogger, type Logger } from './observability/logger';

const RETRY_MS = 2000;

async function prepare(db: Database, loadData: boolean, logger: Logger, stopping: () => boolean): Promise<void> {
  for (let attempt = 1; !stopping(); attempt++) {
    try {
      if (loadData) await loadDefaultData(db, (m) => logger.info(m));
      else await migrate(db, (m) => logger.info(m));
      logger.info('graph ready');
      return;
    } catch (error) {
      logger.warn({ attempt, error: (error as Error).message }, `Neo4j not ready; retrying in ${RETRY_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
}

async function main(): Promise<void> {
  const config = parseConfig();
  const logger = createLogger(config.logLevel);
  if (!config.neo4j.uri) await startBundledNeo4j(neo4jInstance(config.neo4j.boltPort));
  const db = createDatabase(boltUri(config), config.neo4j.username, config.neo4j.password, config.neo4j.database);
  let prepared = false;
  let stopping = false;
  const app = await createApp({ db, config, logger, prepared: () => prepared });
  const server: Server = app.express.listen(config.port, () => {
    logger.info(`GraphQL at http://localhost:${config.port}/graphql (open it in a browser for the IDE), explorer at /explorer`);
  });
  void prepare(db, !config.neo4j.uri || process.env.LOAD_DATA === 'true', logger, () => stopping).then(() => (prepared = true));

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining in-flight requests, then closing the Neo4j driver`);
    server.close(() => {
      void app
        .stop()
        .then(() => db.close())
        .then(() => {
          logger.info('stopped cleanly');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  console.error(`[server] could not start: ${error.message}`);
  process.exit(1);
});
