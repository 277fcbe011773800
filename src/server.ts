/**
 * Composition root: the only module with side effects. Starts the bundled Neo4j when
 * NEO4J_URI is not set, serves at once, and applies migrations (and the data, for the
 * bundled server) as soon as Neo4j answers, retrying while it does not.
 */
import type { Server } from 'node:http';
import { createApp } from './app';
import { type CommandSpec, parseCommand } from './cli/command';
import { parseConfig } from './config';
import { instance as neo4jInstance, start as startBundledNeo4j, stop as stopBundledNeo4j } from './db/bundled-neo4j';
import { type Database, openDatabase } from './db/database';
import { WARM_UP_PRINCIPAL, warmUp } from './http/warm-up';
import { graphqlRunner } from './mcp/run';
import { createLogger, type Logger } from './observability/logger';
import { loadDefaultData, prepareGraph } from './setup/default-data';

const RETRY_MS = 2000;
/** In-flight requests get this long to finish after SIGTERM; then connections are cut. */
const DRAIN_DEADLINE_MS = 20_000;
/*
 * Shutdown order: readiness turns 503 and every response says `Connection: close`; the
 * listener stays open for SHUTDOWN_GRACE_MS, because closing it resets connections still
 * in the kernel's accept queue (requests a client already sent); then the listener closes,
 * idle keep-alive sockets time out (Node's keepAliveTimeout), in-flight requests finish,
 * and Apollo and the driver close. Idle sockets are not closed by force: one whose request
 * is still unread, with the event loop busy, looks idle.
 */

async function prepare(db: Database, loadData: boolean, logger: Logger, stopping: () => boolean): Promise<void> {
  for (let attempt = 1; !stopping(); attempt++) {
    try {
      if (loadData) await loadDefaultData(db, (m) => logger.info(m));
      else await prepareGraph(db, (m) => logger.info(m));
      logger.info('graph ready');
      return;
    } catch (error) {
      logger.warn({ attempt, error: (error as Error).message }, `Neo4j not ready; retrying in ${RETRY_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
}

const SPEC: CommandSpec = {
  name: 'npm start --',
  summary:
    'Serves the GraphQL API (GraphiQL at /graphql, the explorer at /explorer). Without NEO4J_URI it starts the bundled\n' +
    'Neo4j, loads the data, and stops that Neo4j again when it stops (unless KEEP_NEO4J=true). Settings come from the\n' +
    'environment (see docs/configuration.md: PORT, NEO4J_URI, API_KEYS, ...), not from options.',
  options: {},
  example: 'PORT=8080 npm start',
};

async function main(): Promise<void> {
  parseCommand(SPEC);
  const config = parseConfig();
  // tsx turns on source-mapped stack traces. neo4j-driver captures a stack trace for every
  // query, and mapping each frame cost about 7% of the server's CPU under load (--cpu-prof);
  // production serves unmapped stacks (tsx keeps line numbers close), development keeps them.
  if (config.isProduction) process.setSourceMapsEnabled(false);
  const logger = createLogger(config.logLevel);
  const bundled = config.neo4j.uri ? null : neo4jInstance(config.neo4j.boltPort);
  // Stop on exit only what this process started: a server someone else started keeps running.
  const ownsNeo4j = bundled !== null && (await startBundledNeo4j(bundled)) === 'started' && !config.keepNeo4j;
  const db = openDatabase(config);
  let prepared = false;
  let stopping = false;
  const app = await createApp({ db, config, logger, prepared: () => prepared, draining: () => stopping });
  const server: Server = app.express.listen(config.port, () => {
    logger.info(
      `GraphQL at http://localhost:${config.port}/graphql (open it in a browser for the IDE), explorer at /explorer`,
    );
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EADDRINUSE'
        ? `port ${config.port} is taken (another server is running?); set PORT to a free port`
        : error.message;
    logger.error(`cannot listen: ${why}`);
    void db.close().finally(() => process.exit(1));
  });
  void prepare(db, config.loadData, logger, () => stopping)
    .then(async () => {
      if (stopping) return;
      // The common reads and each kind of traversal once, before reporting ready: the first use
      // of a statement after a Neo4j restart is planned then (0.2-4 s each), not on a user's request.
      const run = graphqlRunner(app.apollo, () => app.context(WARM_UP_PRINCIPAL));
      const w = await warmUp(run, db, config.warmUpMs);
      if (w.of > 0)
        logger.info(
          `warm-up: ${w.ran} of ${w.of} operations in ${(w.ms / 1000).toFixed(1)} s${w.failed ? ` (${w.failed} failed)` : ''}`,
        );
    })
    .catch((error) => logger.warn({ error: (error as Error).message }, 'warm-up failed; serving cold'))
    .finally(() => (prepared = true));

  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: draining in-flight requests, then closing the Neo4j driver`);
    setTimeout(() => closeServer(), config.shutdownGraceMs);
  };
  const closeServer = () => {
    const deadline = setTimeout(() => {
      logger.warn(`requests still running after ${DRAIN_DEADLINE_MS / 1000} s; closing their connections`);
      server.closeAllConnections();
    }, DRAIN_DEADLINE_MS);
    server.close(() => {
      clearTimeout(deadline);
      logger.info('HTTP server closed; stopping Apollo');
      void app
        .stop()
        .then(() => {
          logger.info('Apollo stopped; closing the Neo4j driver');
          return db.close();
        })
        .then(async () => {
          if (ownsNeo4j && bundled) {
            logger.info('stopping the bundled Neo4j this server started (KEEP_NEO4J=true keeps it for a fast restart)');
            await stopBundledNeo4j(bundled);
          }
          logger.info('stopped cleanly');
          process.exit(0);
        });
    });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  console.error(`[server] could not start: ${error.message}`);
  process.exit(1);
});
