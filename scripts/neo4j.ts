/**
 * The bundled Neo4j from the command line:
 *   npm run neo4j -- fetch|start|stop|status|run
 * NEO4J_BOLT_PORT picks the port (default 7687). `run` stays in the foreground and stops
 * the server on Ctrl-C or SIGTERM.
 */
import { fetchJars, instance, start, status, stop } from '../src/db/bundled-neo4j';

/** Runs in the foreground until SIGINT/SIGTERM, then stops the server. */
async function runForeground(inst = instance()): Promise<void> {
  await start(inst);
  const shutdown = () => void stop(inst).then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await new Promise(() => undefined);
}

const command = process.argv[2] ?? 'status';
const actions: Record<string, () => Promise<unknown> | void> = {
  fetch: fetchJars,
  start: () => start(),
  stop: () => stop(),
  status: async () => process.exit((await status()) ? 0 : 1),
  run: () => runForeground(),
};
const action = actions[command];
if (!action) {
  process.stderr.write(`[neo4j] unknown command "${command}"; use one of: ${Object.keys(actions).join(', ')}\n`);
  process.exit(2);
}
Promise.resolve(action()).catch((error: Error) => {
  process.stderr.write(`[neo4j] ${error.message}\n`);
  process.exit(1);
});
