/**
 * Synthetic register for benchmarks: npm run generate -- --scale N | --clear
 * Scale 1 is the real register's size (346 filings); 1000 is about 346,000 models.
 * Everything generated carries the :Synthetic label and synthetic = true.
 */
import { type CommandSpec, EXIT, numberOption, openGraph, parseCommand, progress, usageExit } from '../src/cli/command';
import { parseConfig } from '../src/config';
import { cypher } from '../src/db/cypher';
import { migrate } from '../src/db/migrate';
import { clearSynthetic, generate } from '../src/synthetic/generate';

const SPEC: CommandSpec = {
  name: 'npm run generate --',
  summary:
    "Writes (or removes) the synthetic benchmark register: scale 1 is the real register's size (346 filings).\nWithout NEO4J_URI it uses the bundled Neo4j, starting it if needed.",
  options: {
    scale: {
      type: 'string',
      value: 'N',
      description: 'size as a multiple of 346 filings, from 0.01 to 10000 (required unless --clear)',
    },
    clear: { type: 'boolean', description: 'remove the synthetic register instead' },
  },
  example: 'npm run generate -- --scale 1000',
};

async function main(): Promise<void> {
  const { values } = parseCommand(SPEC);
  if (!values.clear && values.scale === undefined) usageExit(SPEC, 'give --scale N or --clear');
  if (values.clear && values.scale !== undefined) usageExit(SPEC, 'give --scale or --clear, not both');
  const scale = values.clear ? 0 : numberOption(SPEC, 'scale', values.scale, 0.01, 10_000);
  const log = (m: string) => console.error(`[generate] ${m}`);
  const db = await openGraph(parseConfig(), log);
  try {
    await migrate(db);
    if (values.clear) {
      const bar = progress('[generate]');
      const removed = await clearSynthetic(db, (n) => bar.update(`${n} synthetic nodes removed`));
      bar.done();
      log(`synthetic data removed (${removed} nodes)`);
      return;
    }
    const bar = progress('[generate]');
    const result = await generate(db, {
      scale,
      onProgress: (done, total, rate) => bar.update(`${done}/${total} models, ${Math.round(rate)} models/s`),
    });
    bar.done();
    const [counts] = await db.read(cypher('synthetic/count'));
    log(
      `scale ${scale}: ${result.models} models, ${result.companies} companies in ${result.seconds.toFixed(1)} s (${Math.round(result.models / result.seconds)} models/s); graph holds ${counts.models} synthetic models, ${counts.companies} synthetic companies`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(`[generate] failed: ${error.message}`);
  process.exit(EXIT.FAILED);
});
