import { readFileSync } from 'node:fs';
import { instance, stop } from '../../src/db/bundled-neo4j';
import { STATE_FILE } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as { started: boolean; port: number };
  if (state.started && process.env.KEEP_TEST_NEO4J !== 'true') await stop(instance(state.port));
}
