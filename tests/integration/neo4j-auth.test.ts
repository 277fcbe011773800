import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { CONF, instance, start, stop } from '../../src/db/bundled-neo4j';
import { migrate, migrationFiles } from '../../src/db/migrate';
import { testApi } from '../support/api';
import globalSetup, { STATE_FILE, testTarget } from '../support/global-setup';
import { freePort } from '../support/processes';

jest.setTimeout(180_000);

// The bundled server runs without auth; users bring servers with it. This starts one with
// auth on (a scratch server of its own), sets the password the way an admin would, and
// checks the API with the right credentials and with wrong ones.
describe('a Neo4j server with authentication on', () => {
  let port: number;
  let home: ReturnType<typeof instance>;
  const password = 'cac-graph-test-pw';

  beforeAll(async () => {
    port = await freePort();
    home = instance(port);
    rmSync(home.home, { recursive: true, force: true });
    const dir = mkdtempSync(join(tmpdir(), 'neo4j-auth-'));
    const conf = join(dir, 'neo4j.conf');
    writeFileSync(
      conf,
      readFileSync(CONF, 'utf8').replace('dbms.security.auth_enabled=false', 'dbms.security.auth_enabled=true'),
    );
    await start(home, 120_000, { conf });
    // A fresh server's neo4j/neo4j must change its password before anything else.
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', 'neo4j'));
    try {
      await driver.executeQuery(
        "ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO $password",
        { password },
        { database: 'system' },
      );
    } finally {
      await driver.close();
    }
  });

  afterAll(async () => {
    await stop(home);
    rmSync(home.home, { recursive: true, force: true });
  });

  it('migrates and answers with NEO4J_USERNAME and NEO4J_PASSWORD', async () => {
    // A Neo4j started a moment ago compiles its first plans on a cold JVM; on a loaded machine that
    // outlasts 5 s. This test is about credentials, so it gives the queries time.
    const api = await testApi({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: password,
      NEO4J_DATABASE: 'neo4j',
      QUERY_TIMEOUT_MS: '60000',
    });
    try {
      await migrate(api.db);
      const r = await api.gql('{ models { totalCount } regions { totalCount } }');
      expect(r.errors).toBeUndefined();
      expect(r.data).toEqual({ models: { totalCount: 0 }, regions: { totalCount: 0 } });
    } finally {
      await api.close();
    }
  });

  it('with a wrong password: SERVICE_UNAVAILABLE naming the settings to check, nothing written', async () => {
    const api = await testApi({
      NEO4J_URI: `bolt://127.0.0.1:${port}`,
      NEO4J_USERNAME: 'neo4j',
      NEO4J_PASSWORD: 'not-the-password',
      NEO4J_DATABASE: 'neo4j',
    });
    try {
      const r = await api.gql('{ models { totalCount } }');
      expect(r.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(r.errors?.[0].message).toMatch(
        /refused the credentials.*NEO4J_USERNAME and NEO4J_PASSWORD|refusing logins.*NEO4J_PASSWORD/,
      );
      await expect(migrate(api.db)).rejects.toThrow(/NEO4J_PASSWORD/);
    } finally {
      await api.close();
    }
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
    try {
      const { records } = await driver.executeQuery(
        'MATCH (m:Migration) RETURN count(m) AS n',
        {},
        { database: 'neo4j' },
      );
      // Only the first test's migrations: the refused run wrote nothing.
      expect(records[0].get('n').toNumber()).toBe(migrationFiles().length);
    } finally {
      await driver.close();
    }
  });

  it("the test suite never wipes a database holding someone's data, whichever setting names it", async () => {
    const driver = neo4j.driver(`bolt://127.0.0.1:${port}`, neo4j.auth.basic('neo4j', password));
    const count = async () =>
      (await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: 'neo4j' })).records[0]
        .get('n')
        .toNumber();
    const saved = { ...process.env };
    try {
      await driver.executeQuery("CREATE (:Note {text: 'my own research'})", {}, { database: 'neo4j' });
      const before = await count();
      // A user's NEO4J_URI (as for npm start) is never the suite's: it tests on the bundled server.
      expect(testTarget({ NEO4J_URI: `bolt://127.0.0.1:${port}` })).toEqual({
        uri: 'bolt://127.0.0.1:7688',
        bundled: true,
        port: 7688,
      });
      // Named as the suite's database, it is refused, named, and left as it was.
      Object.assign(process.env, {
        NEO4J_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_TEST_URI: `bolt://127.0.0.1:${port}`,
        NEO4J_TEST_USERNAME: 'neo4j',
        NEO4J_TEST_PASSWORD: password,
      });
      await expect(globalSetup()).rejects.toThrow(
        new RegExp(`will not wipe NEO4J_TEST_URI=bolt://127\\.0\\.0\\.1:${port} \\(database "neo4j"\\): it holds data`),
      );
      expect(await count()).toBe(before);
      expect(JSON.parse(readFileSync(STATE_FILE, 'utf8')).uri).not.toContain(String(port));
    } finally {
      for (const k of ['NEO4J_TEST_URI', 'NEO4J_TEST_USERNAME', 'NEO4J_TEST_PASSWORD', 'NEO4J_URI'])
        delete process.env[k];
      Object.assign(process.env, saved);
      await driver.close();
    }
  });
});
