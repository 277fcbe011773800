import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { backfillNameKeys } from '../load/name-keys';
import { readRegions } from '../load/seed';
import {
  companyName,
  companyPicker,
  INDUSTRIES,
  modelName,
  random,
  regionWeights,
  SCENARIOS,
  TYPES,
  weighted,
} from './shape';

/** The real register: 346 filings by 2025-03-31. Scale 1 generates that many. */
export const BASE_FILINGS = 346;

/** The key of the source every generated fact cites (a filing list, like the real ones). */
export const GENERATED_SOURCE = 'generated-register';

export interface GenerateOptions {
  scale: number;
  batchSize?: number;
  onProgress?: (written: number, total: number, rowsPerSecond: number) => void;
}

/** The generated register's company k and its region (deterministic for a scale). */
export interface GeneratedCompany {
  key: string;
  name: string;
  region: string;
  type: string;
}

/** The companies of the register at `scale`, in order (company 0 is among the largest). */
export function generatedCompanies(scale: number): GeneratedCompany[] {
  const total = Math.round(BASE_FILINGS * scale);
  const count = Math.max(3, Math.round(total / 4));
  const rand = random(20250331 + scale);
  const regions = regionWeights();
  const city = new Map(readRegions().regions.map((r) => [r.key, r.shortName ?? r.name]));
  const out: GeneratedCompany[] = [];
  for (let k = 0; k < count; k++) {
    const region = weighted(regions, rand());
    const name = companyName(k, city.get(region) ?? '');
    out.push({ key: name, name, region, type: weighted(TYPES, rand()) });
  }
  return out;
}

/**
 * A generated register at `scale` times the real one, for benchmarks, written into a scratch
 * database (never the product graph: nothing marks it apart from real data). Shaped like the
 * real register: the report's province shares, a long tail of companies (Zipf: a few with
 * dozens of models), industries and scenarios weighted like the report, enterprise types
 * 76/15/9, names and filing numbers in the official forms. Batched UNWIND, idempotent.
 */
export async function generate(
  db: Database,
  { scale, batchSize = 5000, onProgress }: GenerateOptions,
): Promise<{ models: number; companies: number; seconds: number }> {
  const total = Math.round(BASE_FILINGS * scale);
  const companies = generatedCompanies(scale);
  const rand = random(20250331 + scale + 1);
  const prefix = new Map(readRegions().regions.map((r) => [r.key, r.filingPrefix ?? 'Zhongyang']));
  const started = performance.now();
  await db.write(cypher('synthetic/source'), { source: GENERATED_SOURCE, scale });

  for (let start = 0; start < companies.length; start += batchSize) {
    const rows = companies.slice(start, start + batchSize);
    await db.write(cypher('synthetic/companies'), { rows, source: GENERATED_SOURCE }, { timeoutMs: 300_000 });
  }

  const pickCompany = companyPicker(companies.length, rand);
  for (let start = 0; start < total; start += batchSize) {
    const rows = [];
    for (let i = start; i < Math.min(total, start + batchSize); i++) {
      const company = companies[pickCompany()];
      const day = Math.floor(rand() * 580);
      const date = new Date(Date.UTC(2023, 7, 31) + day * 86_400_000).toISOString().slice(0, 10);
      const name = modelName(i);
      rows.push({
        key: name,
        name,
        company: company.key,
        region: company.region,
        industry: weighted(INDUSTRIES, rand()),
        scenario: weighted(SCENARIOS, rand()),
        filingNumber: `${prefix.get(company.region)}-M${String(i).padStart(7, '0')}-${date.replace(/-/g, '')}${String(i % 10000).padStart(4, '0')}`,
        filingDate: date,
      });
    }
    await db.write(cypher('synthetic/models'), { rows, source: GENERATED_SOURCE }, { timeoutMs: 300_000 });
    const seconds = (performance.now() - started) / 1000;
    onProgress?.(Math.min(total, start + batchSize), total, Math.min(total, start + batchSize) / seconds);
  }
  // Its statements write names of their own: their keys come from the one normaliser, after.
  await backfillNameKeys(db);
  return { models: total, companies: companies.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * Removes what `generate` wrote (every node whose only source is the generated list, then
 * the source itself), in batches; for tests that add a register to a database of their own.
 */
export async function removeGenerated(db: Database): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.write<{ deleted: number }>(
      cypher('synthetic/remove'),
      { source: GENERATED_SOURCE, batch: 10_000 },
      { timeoutMs: 300_000 },
    );
    total += row.deleted;
    if (row.deleted === 0) break;
  }
  await db.write(cypher('synthetic/remove-source'), { source: GENERATED_SOURCE });
  return total;
}
