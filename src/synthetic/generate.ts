import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { companyPicker, INDUSTRIES, PINYIN, random, regionWeights, SCENARIOS, TYPES, weighted } from './shape';

/** The real register: 346 filings by 2025-03-31. Scale 1 generates that many. */
export const BASE_FILINGS = 346;

export interface GenerateOptions {
  scale: number;
  batchSize?: number;
  onProgress?: (written: number, total: number, rowsPerSecond: number) => void;
}

/**
 * A synthetic register at `scale` times the real one: the report's province shares, a long
 * tail of companies (Zipf: a few with dozens of models), industries and scenarios weighted
 * like the report, enterprise types 76/15/9. Written with batched UNWIND, idempotently.
 */
export async function generate(
  db: Database,
  { scale, batchSize = 5000, onProgress }: GenerateOptions,
): Promise<{ models: number; companies: number; seconds: number }> {
  const total = Math.round(BASE_FILINGS * scale);
  const companies = Math.max(3, Math.round(total / 4));
  const rand = random(20250331 + scale);
  const source = `synthetic-${scale}x`;
  const regions = regionWeights();
  const started = performance.now();
  await db.write(cypher('synthetic/source'), { source, scale });

  const companyRegion: string[] = [];
  for (let start = 0; start < companies; start += batchSize) {
    const rows = [];
    for (let k = start; k < Math.min(companies, start + batchSize); k++) {
      const region = weighted(regions, rand());
      companyRegion[k] = region;
      rows.push({
        key: `syn:${scale}:c:${k}`,
        name: `合成企业${scale}-${String(k).padStart(7, '0')}`,
        region,
        type: weighted(TYPES, rand()),
      });
    }
    await db.write(cypher('synthetic/companies'), { rows, source }, { timeoutMs: 300_000 });
  }

  const pickCompany = companyPicker(companies, rand);

  for (let start = 0; start < total; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      const company = pickCompany();
      const region = companyRegion[company];
      const day = Math.floor(rand() * 580);
      const date = new Date(Date.UTC(2023, 7, 31) + day * 86_400_000).toISOString().slice(0, 10);
      const seq = String(i).padStart(7, '0');
      rows.push({
        key: `syn:${scale}:m:${i}`,
        name: `合成模型${scale}-${seq}`,
        company: `syn:${scale}:c:${company}`,
        region,
        industry: weighted(INDUSTRIES, rand()),
        scenario: weighted(SCENARIOS, rand()),
        filingNumber: `${PINYIN[region] ?? 'Sheng'}-Syn${scale}x${seq}-${date.replace(/-/g, '')}${String(i % 10000).padStart(4, '0')}`,
        filingDate: date,
      });
    }
    await db.write(cypher('synthetic/models'), { rows, source }, { timeoutMs: 300_000 });
    const seconds = (performance.now() - started) / 1000;
    onProgress?.(Math.min(total, start + batchSize), total, Math.min(total, start + batchSize) / seconds);
  }
  return { models: total, companies, seconds: (performance.now() - started) / 1000 };
}

/** Removes every synthetic node, in batches small enough for the transaction memory pool. */
export async function clearSynthetic(db: Database, onProgress?: (deleted: number) => void): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = (await db.read(cypher('synthetic/batch-ids'), { batch: 10_000 }, { timeoutMs: 300_000 })).map(
      (r) => r.id,
    );
    if (ids.length === 0) return total;
    const [row] = await db.write(cypher('synthetic/clear'), { ids }, { timeoutMs: 300_000 });
    total += Number(row.deleted);
    onProgress?.(total);
  }
}
