import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Config } from './config';
import type { Database } from './db/database';
import { createContext, type Context } from './graphql/context';
import { formatError } from './graphql/format-error';
import { resolvers, typeDefs } from './graphql/schema';
import { mountExplorer } from './http/explorer';
import { mountGraphExport } from './http/graph-export';
import { mountIde } from './http/ide';

export interface AppDeps {
  db: Database;
  config: Config;
}

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
  /** A fresh per-request context, for tests that call apollo.executeOperation. */
  context(): Context;
  stop(): Promise<void>;
}

/** Builds the server without listening: the composition root and the tests both use it. */
export async function createApp({ db, config }: AppDeps): Promise<App> {
  const apollo = new ApolloServer<Context>({
    typeDefs: typeDefs(),
    resolvers,
    formatError: formatError(config.isProduction),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'alive' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      await db.verify();
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'not ready', reason: 'Neo4j is not reachable' });
    }
  });
  mountIde(app, '/graphql');
  mountGraphExport(app, db);
  mountExplorer(app);
  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, { context: async () => createContext(db, config) }),
  );

  return {
    express: app,
    apollo,
    context: () => createContext(db, config),
    stop: () => apollo.stop(),
  };
}
