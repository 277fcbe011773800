/**
 * A generated register for benchmarks and trials at scale, in a scratch Neo4j of its own:
 *   npm run generate -- --scale N [--port 7692] | --remove
 * Scale 1 is the real register's size (346 filings); 1000 is about 346,000 models. The scratch
 * server holds the report, the bundled filing lists and the generated register as ordinary
 * facts (nothing marks them apart), and keeps running so the API can be pointed at it.
 */
import {
  type CommandSpec,
  failWith,
  intOption,
  numberOption,
  parseCommand,
  progress,
  usageExit,
} from '../src/cli/command';
import { removeScratch, SCRATCH_PORT, scratchRegister } from '../src/synthetic/scratch';

const SPEC: CommandSpec = {
  name: 'npm run generate --',
  summary:
    "Generates a register at a multiple of the real one's size (346 filings) in a scratch Neo4j of its own,\n" +
    'never in the product graph, and leaves it running; or removes that scratch server and its store.',
  options: {
    scale: {
      type: 'string',
      value: 'N',
      description: 'size as a multiple of 346 filings, from 0.01 to 10000 (required unless --remove)',
    },
    port: {
      type: 'string',
      value: 'PORT',
      default: String(SCRATCH_PORT),
      description: 'Bolt port of the scratch Neo4j',
    },
    remove: { type: 'boolean', description: 'stop the scratch Neo4j and delete its store instead' },
  },
  example: 'npm run generate -- --scale 1000',
};

async function main(): Promise<void> {
  const { values } = parseCommand(SPEC);
  if (!values.remove && values.scale === undefined) usageExit(SPEC, 'give --scale N or --remove');
  if (values.remove && values.scale !== undefined) usageExit(SPEC, 'give --scale or --remove, not both');
  const port = intOption(SPEC, 'port', values.port, 1, 65_535);
  const log = (m: string) => console.error(`[generate] ${m}`);
  if (values.remove) {
    await removeScratch(port);
    log(`scratch Neo4j on port ${port} stopped and its store removed`);
    return;
  }
  const scale = numberOption(SPEC, 'scale', values.scale, 0.01, 10_000);
  const bar = progress('[generate]');
  const register = await scratchRegister(scale, {
    port,
    log,
    progress: (done, total, rate) => bar.update(`${done}/${total} models, ${Math.round(rate)} models/s`),
  });
  bar.done();
  await register.db.close();
  log(
    `scale ${scale}: the scratch graph holds ${register.models} models and ${register.companies} companies (real and generated)`,
  );
  log(`try it: NEO4J_URI=${register.uri} npm start`);
}

main().catch((error: Error) => failWith('generate', error));
