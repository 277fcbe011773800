import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Each test file sees the Neo4j the global setup chose.
const state = JSON.parse(readFileSync(join(__dirname, '..', '..', '.neo4j', 'test-state.json'), 'utf8')) as {
  uri: string;
};
process.env.NEO4J_URI = state.uri;
process.env.TZ = 'UTC';
