import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';
import { type DocumentNode, GraphQLError } from 'graphql';
import { createAuthenticator } from './auth/authenticate';
import type { Config } from './config';
import type { Database } from './db/database';
import { DerivedCache } from './db/derived-cache';
import { type Context, createContext } from './entity/context';
import { AppError, HTTP_STATUS, RETRY_AFTER_SECONDS } from './errors';
import { formatError } from './graphql/format-error';
import {
  limitsPlugin,
  noStorePlugin,
  observabilityPlugin,
  retryAfterPlugin,
  trustedOperationsPlugin,
} from './graphql/plugins';
import { responseCachePlugin } from './graphql/response-cache';
import { apiSchema } from './graphql/schema';
import { mountExplorer } from './http/explorer';
import { mountGraphExport } from './http/graph-export';
import { EXAMPLE_OPERATIONS, mountIde } from './http/ide';
import { mountMcp } from './http/mcp';
import { readers, trustedDocumentsOnly } from './http/policy';
import { createLogger, type Logger } from './observability/logger';
import { createMetrics, type Metrics } from './observability/metrics';

export interface AppDeps {
  db: Database;
  config: Config;
  logger?: Logger;
  /** False while start-up work (migrations, data) is pending; /health/ready says not ready. */
  prepared?: () => boolean;
  /** True once shutdown began: responses close their connection so keep-alive clients let go. */
  draining?: () => boolean;
}

export interface App {
  express: Express;
  apollo: ApolloServer<Context>;
  metrics: Metrics;
  /** A fresh per-request context, for tests that call apollo.executeOperation. */
  context(principal?: Context['principal']): Context;
  stop(): Promise<void>;
}

/** Builds the server without listening: the composition root and the tests both use it. */
/** A request id a client may choose: up to 128 characters of letters, digits and . _ : - */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function createApp({
  db,
  config,
  logger = createLogger(config.logLevel),
  prepared = () => true,
  draining = () => false,
}: AppDeps): Promise<App> {
  const documentStore = new InMemoryLRUCache<DocumentNode>({
    maxSize: config.limits.documentCacheChars,
    sizeCalculation: (document: DocumentNode) => Math.max(1, document.loc?.end ?? 1),
  });
  const metrics = createMetrics(() => documentStore.keys().length);
  const cache = new DerivedCache();
  const authenticate = createAuthenticator(config.auth);
  const plugins: ApolloServerPlugin<Context>[] = [
    ApolloServerPluginLandingPageDisabled(),
    // No cache hints are used: Apollo's cache-control plugin would wrap every resolver to
    // collect them. GraphQL answers say no-store themselves (noStorePlugin).
    ApolloServerPluginCacheControlDisabled(),
    // A subgraph would otherwise time every resolver for any caller sending the federation
    // trace header and return the timings: work and detail no anonymous caller should get.
    ApolloServerPluginInlineTraceDisabled(),
    noStorePlugin(),
    limitsPlugin(config.limits, metrics),
    observabilityPlugin(logger, metrics, {
      knownOperations: new Set([...EXAMPLE_OPERATIONS.matchAll(/^(?:query|mutation)\s+(\w+)/gm)].map((m) => m[1])),
      allTrusted: config.http.trustedOperations !== null,
    }),
    retryAfterPlugin(),
  ];
  if (config.http.trustedOperations) plugins.push(trustedOperationsPlugin(config.http.trustedOperations));
  if (config.limits.responseCacheChars > 0) plugins.push(responseCachePlugin(db, config.limits, metrics));

  const apollo = new ApolloServer<Context>({
    schema: apiSchema(config.http.introspection),
    formatError: formatError(config.isProduction),
    includeStacktraceInErrorResponses: false,
    introspection: config.http.introspection,
    csrfPrevention: true,
    // The composition root owns shutdown (drain HTTP, then Apollo, then the driver).
    stopOnTerminationSignals: false,
    plugins,
    // Both caches are keyed by client-chosen text (a new operation name is a new document), so
    // both are bounded by what they hold, measured cheaply: parsed documents by the length of
    // their source (Apollo's default JSON-stringifies each AST to weigh it, and allows 30 MiB
    // of that JSON, about 8,000 small documents and +130 MB of heap), APQ strings by length.
    documentStore,
    cache: new InMemoryLRUCache<string>({ maxSize: config.limits.documentCacheChars }),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETags: express would hash every response body, and POSTed GraphQL answers are never revalidated.
  app.set('etag', false);
  app.use((req, res, next) => {
    // A client's request id is echoed and logged only when it is a short token; else a new one.
    const given = String(req.headers['x-request-id'] ?? '');
    const id = REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', id);
    res.setHeader('x-content-type-options', 'nosniff');
    // No page of this server is meant to be framed (clickjacking), nor to leak its URL onwards.
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('referrer-policy', 'no-referrer');
    if (draining()) res.setHeader('connection', 'close');
    (req as express.Request & { requestId?: string }).requestId = id;
    next();
  });
  if (config.http.corsOrigins.length) {
    app.use(
      cors({ origin: config.http.corsOrigins.includes('*') ? true : [...config.http.corsOrigins], credentials: false }),
    );
  }
  // GraphQL first: most requests are for it, and each route before it is matched against every one.
  if (config.http.ide) mountIde(app, '/graphql');
  const trusted = config.http.trustedOperations;
  app.use(
    '/graphql',
    express.json({ limit: config.http.bodyLimit }),
    trusted
      ? trustedDocumentsOnly(trusted)
      : (_req: express.Request, _res: express.Response, next: express.NextFunction) => next(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        try {
          const principal = await authenticate(req.headers);
          return createContext(
            db,
            config,
            principal,
            (req as express.Request & { requestId?: string }).requestId,
            cache,
          );
        } catch (error) {
          if (error instanceof AppError) {
            const headers = new HeaderMap(
              error.code === 'SERVICE_UNAVAILABLE' ? [['retry-after', String(RETRY_AFTER_SECONDS)]] : [],
            );
            throw new GraphQLError(error.message, {
              extensions: { code: error.code, http: { status: HTTP_STATUS[error.code], headers } },
            });
          }
          throw error;
        }
      },
    }),
  );
  // MCP tools for agents: the same operations, auth and limits as /graphql (src/mcp/tools.ts).
  mountMcp(app, {
    apollo,
    authenticate,
    context: (principal, requestId) => createContext(db, config, principal, requestId, cache),
    bodyLimit: config.http.bodyLimit,
  });
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'alive' });
  });
  app.get('/health/ready', async (_req, res) => {
    if (draining()) {
      res.status(503).json({ status: 'not ready', reason: 'shutting down' });
      return;
    }
    // Bounded: a frozen Neo4j must not hold the load balancer's probe.
    if (!(await db.answers())) {
      res.status(503).json({ status: 'not ready', reason: 'Neo4j is not answering' });
      return;
    }
    if (!prepared()) {
      res.status(503).json({ status: 'not ready', reason: 'migrations or data loading still pending' });
      return;
    }
    res.json({ status: 'ready' });
  });
  const mayRead = readers(authenticate, config.auth.readsPublic);
  // Metrics name operations and statements: public only where reads are and outside production (METRICS_PUBLIC).
  const mayReadMetrics = readers(authenticate, config.auth.metricsPublic);
  app.get('/metrics', mayReadMetrics, async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  mountGraphExport(app, db, mayRead, config.limits.costBudget);
  mountExplorer(app);
  // Body too large, malformed JSON: answered as GraphQL-over-HTTP errors, not HTML.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(error);
      const status = error.status ?? 500;
      const code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
      res
        .status(status)
        .json({ errors: [{ message: status < 500 ? error.message : 'Internal server error', extensions: { code } }] });
    },
  );

  return {
    express: app,
    apollo,
    metrics,
    context: (principal = null) => createContext(db, config, principal, 'local', cache),
    stop: () => apollo.stop(),
  };
}
