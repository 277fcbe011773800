import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../src/app';
import type { Principal } from '../../src/auth/authenticate';
import { parseConfig } from '../../src/config';
import { type Database, openDatabase } from '../../src/db/database';

export interface TestApi {
  db: Database;
  app: App;
  /** Runs an operation with a fresh context; returns data, errors and the round trips it cost. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    principal?: Principal | null,
  ): Promise<{ data: T; errors?: any[]; extensions?: any; roundTrips: number; files: string[] }>;
  /** Serves the app over HTTP on a free port; returns its base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export const EDITOR: Principal = { name: 'test-editor', role: 'editor', via: 'api-key' };
export const READER: Principal = { name: 'test-reader', role: 'reader', via: 'api-key' };

export async function testApi(env: Record<string, string> = {}): Promise<TestApi> {
  const config = parseConfig({ ...process.env, ...env });
  const db = openDatabase(config);
  const app = await createApp({ db, config });
  let server: Server | null = null;
  return {
    db,
    app,
    async gql(query, variables, principal = null) {
      const context = app.context(principal);
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      const { data, errors, extensions } = response.body.singleResult;
      return {
        data: data as any,
        errors: errors as any[] | undefined,
        extensions,
        roundTrips: context.meter.roundTrips,
        files: context.meter.entries.map((e) => e.file),
      };
    },
    async listen() {
      server = createServer(app.express).listen(0);
      await new Promise((r) => server!.once('listening', r));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    async close() {
      server?.close();
      await app.stop();
      await db.close();
    },
  };
}
