import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Each test file sees the Neo4j the global setup chose.
const state = JSON.parse(readFileSync(join(__dirname, '..', '..', '.neo4j', 'test-state.json'), 'utf8')) as {
  uri: string;
  started: boolean;
};
process.env.NEO4J_URI = state.uri;
// The bundled test server has one database and no authentication; a server named by
// NEO4J_TEST_URI takes the NEO4J_TEST_* settings (never the ones a user set for npm start).
if (state.started) {
  process.env.NEO4J_DATABASE = 'neo4j';
  delete process.env.NEO4J_USERNAME;
  delete process.env.NEO4J_PASSWORD;
} else {
  for (const name of ['DATABASE', 'USERNAME', 'PASSWORD']) {
    const value = process.env[`NEO4J_TEST_${name}`];
    if (value) process.env[`NEO4J_${name}`] = value;
    else delete process.env[`NEO4J_${name}`];
  }
}
process.env.TZ = 'UTC';
// Servers the tests start report ready without the start-up warm-up (tests/integration/warm-up.test.ts runs it).
process.env.WARM_UP_MS ??= '0';
