/** Applies migrations and loads the default data set: npm run data:load -- [--reset] */
import { type CommandSpec, failWith, openGraph, parseCommand } from '../src/cli/command';
import { parseConfig } from '../src/config';
import { cypher } from '../src/db/cypher';
import { loadDefaultData } from '../src/setup/default-data';

const SPEC: CommandSpec = {
  name: 'npm run data:load --',
  summary:
    'Applies migrations and loads the report, reference data and the bundled filing lists (idempotent).\nWithout NEO4J_URI it uses the bundled Neo4j, starting it if needed.',
  options: { reset: { type: 'boolean', description: 'empty the graph first (all of it)' } },
  example: 'NEO4J_URI=neo4j://my-host:7687 NEO4J_PASSWORD=secret npm run data:load',
};

async function main(): Promise<void> {
  const { values } = parseCommand(SPEC);
  const log = (m: string) => console.error(`[load] ${m}`);
  const db = await openGraph(parseConfig(), log, { load: false });
  try {
    if (values.reset) {
      await db.autoCommit(cypher('load/delete-all'));
      log('graph emptied');
    }
    const started = Date.now();
    await loadDefaultData(db, log);
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => failWith('load', error));
