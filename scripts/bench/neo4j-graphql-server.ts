/**
 * @neo4j/graphql (v7) serving bench/neo4j-graphql/type-defs.graphql over the same Neo4j, for
 * the benchmark. Counts Bolt round trips by wrapping the driver's sessions: GET /roundtrips.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Session } from 'neo4j-driver';

let roundTrips = 0;

function counted(session: Session): Session {
  const wrapTx = (tx: { run: (...a: unknown[]) => unknown }) =>
    new Proxy(tx, {
      get: (t, p) =>
        p === 'run'
          ? (...a: unknown[]) => {
              roundTrips++;
              return t.run(...a);
            }
          : Reflect.get(t, p),
    });
  return new Proxy(session, {
    get(target, prop) {
      if (prop === 'run')
        return (...a: unknown[]) => {
          roundTrips++;
          return (target.run as (...x: unknown[]) => unknown)(...a);
        };
      if (prop === 'executeRead' || prop === 'executeWrite') {
        return (work: (tx: never) => unknown, config?: unknown) =>
          (target[prop] as (w: unknown, c: unknown) => unknown)((tx: never) => work(wrapTx(tx) as never), config);
      }
      if (prop === 'beginTransaction')
        return (...a: unknown[]) =>
          wrapTx((target.beginTransaction as (...x: unknown[]) => { run: (...a: unknown[]) => unknown })(...a));
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function main(): Promise<void> {
  const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
  const driver = neo4j.driver(
    uri,
    neo4j.auth.basic(process.env.NEO4J_USERNAME ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'),
  );
  const original = driver.session.bind(driver);
  driver.session = ((config?: object) => counted(original(config as never))) as typeof driver.session;
  const typeDefs = readFileSync(join(__dirname, '..', '..', 'bench', 'neo4j-graphql', 'type-defs.graphql'), 'utf8');
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  const apollo = new ApolloServer({ schema, stopOnTerminationSignals: false });
  await apollo.start();
  const app = express();
  app.get('/roundtrips', (_req, res) => {
    res.json({ roundTrips });
  });
  app.use(
    '/graphql',
    express.json(),
    expressMiddleware(apollo, {
      context: async () => ({ sessionConfig: { database: process.env.NEO4J_DATABASE ?? 'neo4j' } }),
    }),
  );
  const server = createServer(app).listen(Number(process.env.PORT ?? 4600), () =>
    console.error(`[neo4j-graphql] ready on ${process.env.PORT ?? 4600}`),
  );
  process.on('SIGTERM', () => server.close(() => void driver.close().then(() => process.exit(0))));
}

main().catch((error: Error) => {
  console.error(`[neo4j-graphql] failed: ${error.message}`);
  process.exit(1);
});
