/**
 * The bundled Neo4j from the command line: npm run neo4j -- COMMAND
 * NEO4J_BOLT_PORT picks the port (default 7687). `run` stays in the foreground and stops
 * the server on Ctrl-C or SIGTERM.
 */
import { type CommandSpec, EXIT, parseCommand, usageExit } from '../src/cli/command';
import { fetchJars, instance, start, status, stop } from '../src/db/bundled-neo4j';

const SPEC: CommandSpec = {
  name: 'npm run neo4j --',
  summary:
    'Manages the bundled Neo4j (Community, from Maven Central) on 127.0.0.1, port NEO4J_BOLT_PORT (default 7687):\n' +
    '  fetch   download the jars (once, about 123 MB)\n  start   start it in the background\n  stop    stop it\n' +
    '  status  say whether it runs (exit 0) or not (exit 1)\n  run     run it in the foreground until Ctrl-C',
  positionals: { names: ['COMMAND'], min: 1 },
  options: {},
  example: 'npm run neo4j -- status',
};

/** Runs in the foreground until SIGINT/SIGTERM, then stops the server. */
async function runForeground(inst = instance()): Promise<void> {
  await start(inst);
  const shutdown = () => void stop(inst).then(() => process.exit(EXIT.OK));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await new Promise(() => undefined);
}

const actions: Record<string, () => Promise<unknown>> = {
  fetch: async () => fetchJars(),
  start: () => start(),
  stop: () => stop(),
  status: async () => process.exit((await status()) ? EXIT.OK : EXIT.FAILED),
  run: () => runForeground(),
};
const { positionals } = parseCommand(SPEC);
const command = positionals[0];
if (!Object.hasOwn(actions, command))
  usageExit(SPEC, `unknown command "${command}"; use one of: ${Object.keys(actions).join(', ')}`);
Promise.resolve(actions[command]()).catch((error: Error) => {
  process.stderr.write(`[neo4j] ${error.message}\n`);
  process.exit(EXIT.FAILED);
});
