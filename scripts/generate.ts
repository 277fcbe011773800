/**
 * Synthetic register for benchmarks: npm run generate -- --scale N [--clear]
 * Scale 1 is the real register's size (346 filings); 1000 is about 346,000 models.
 * Everything generated carries the :Synthetic label and synthetic = true.
 */
import { parseConfig } from '../src/config';
import { cypher } from '../src/db/cypher';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { clearSynthetic, generate } from '../src/synthetic/generate';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--scale');
  const scale = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  const clear = process.argv.includes('--clear');
  if (!clear && (!Number.isFinite(scale) || scale <= 0 || scale > 10_000)) {
    console.error('usage: npm run generate -- --scale N   (N from 0.01 to 10000; 1 = 346 filings)   |   --clear');
    process.exit(2);
  }
  const config = parseConfig();
  const db = openDatabase(config);
  try {
    await migrate(db);
    if (clear) {
      const removed = await clearSynthetic(db, (n) => process.stderr.write(`\r[generate] ${n} synthetic nodes removed`));
      console.error(`\n[generate] synthetic data removed (${removed} nodes)`);
      return;
    }
    const result = await generate(db, {
      scale,
      onProgress: (done, total, rate) => process.stderr.write(`\r[generate] ${done}/${total} models, ${Math.round(rate)} models/s`),
    });
    const [counts] = await db.read(cypher('synthetic/count'));
    console.error(`\n[generate] scale ${scale}: ${result.models} models, ${result.companies} companies in ${result.seconds.toFixed(1)} s (${Math.round(result.models / result.seconds)} models/s); graph holds ${counts.models} synthetic models, ${counts.companies} synthetic companies`);
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(`[generate] failed: ${error.message}`);
  process.exit(1);
});
