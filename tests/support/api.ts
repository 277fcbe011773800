import { createApp, type App } from '../../src/app';
import { parseConfig } from '../../src/config';
import { createDatabase, type Database } from '../../src/db/database';

export interface TestApi {
  db: Database;
  app: App;
  /** Runs an operation with a fresh context; returns data, errors and the round trips it cost. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors?: any[]; roundTrips: number; files: string[] }>;
  close(): Promise<void>;
}

export async function testApi(): Promise<TestApi> {
  const config = parseConfig(process.env);
  const db = createDatabase(config.neo4j.uri!, config.neo4j.username, config.neo4j.password, config.neo4j.database);
  const app = await createApp({ db, config });
  return {
    db,
    app,
    async gql(query, variables) {
      const context = app.context();
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors } = response.body.singleResult;
      return { data: data as any, errors: errors as any[] | undefined, roundTrips: context.meter.roundTrips, files: context.meter.entries.map((e) => e.file) };
    },
    async close() {
      await app.stop();
      await db.close();
    },
  };
}
