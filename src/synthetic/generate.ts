import { cypher } from '../db/cypher';
import type { Database } from '../db/database';

/** The real register: 346 filings by 2025-03-31. Scale 1 generates that many. */
export const BASE_FILINGS = 346;

/** The report's province counts (of 346); the other 76 spread over the remaining regions. */
const STATED_REGIONS: [string, number][] = [['110000', 105], ['310000', 66], ['440000', 45], ['330000', 31], ['320000', 23]];
const OTHER_REGIONS = ['central-soe', '340000', '510000', '420000', '370000', '350000', '430000', '500000', '120000', '520000', '610000', '410000', '130000', '210000', '360000'];
const INDUSTRIES: [string, number][] = [['通用人工智能', 30], ['金融科技', 12], ['教育', 12], ['医疗健康', 10], ['智能制造', 10], ['企业服务', 10], ['政务', 6], ['文旅', 4], ['网络安全', 3], ['能源', 2], ['农业', 1]];
const SCENARIOS: [string, number][] = [['内容生成', 35], ['智能交互', 30], ['决策支持', 20], ['科研辅助', 15]];
const TYPES: [string, number][] = [['民营企业', 76], ['国企', 15], ['事业单位', 9]];
const PINYIN: Record<string, string> = { '110000': 'Beijing', '310000': 'Shanghai', '440000': 'Guangdong', '330000': 'Zhejiang', '320000': 'Jiangsu', 'central-soe': 'ZhongYangQiYe' };

/** A small deterministic PRNG (mulberry32), so a scale always generates the same register. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: [T, number][], r: number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

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
export async function generate(db: Database, { scale, batchSize = 5000, onProgress }: GenerateOptions): Promise<{ models: number; companies: number; seconds: number }> {
  const total = Math.round(BASE_FILINGS * scale);
  const companies = Math.max(3, Math.round(total / 4));
  const rand = random(20250331 + scale);
  const source = `synthetic-${scale}x`;
  const regions: [string, number][] = [...STATED_REGIONS, ...OTHER_REGIONS.map((r) => [r, 76 / OTHER_REGIONS.length] as [string, number])];
  const started = performance.now();
  await db.write(cypher('synthetic/source'), { source, scale });

  const companyRegion: string[] = [];
  for (let start = 0; start < companies; start += batchSize) {
    const rows = [];
    for (let k = start; k < Math.min(companies, start + batchSize); k++) {
      const region = weighted(regions, rand());
      companyRegion[k] = region;
      rows.push({ key: `syn:${scale}:c:${k}`, name: `合成企业${scale}-${String(k).padStart(7, '0')}`, region, type: weighted(TYPES, rand()) });
    }
    await db.write(cypher('synthetic/companies'), { rows, source }, { timeoutMs: 300_000 });
  }

  // Zipf over companies: company k gets weight 1 / (k + 1)^1.1.
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < companies; k++) cumulative.push((sum += 1 / Math.pow(k + 1, 1.1)));
  const pickCompany = () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = companies - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

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
    const ids = (await db.read(cypher('synthetic/batch-ids'), { batch: 10_000 }, { timeoutMs: 300_000 })).map((r) => r.id);
    if (ids.length === 0) return total;
    const [row] = await db.write(cypher('synthetic/clear'), { ids }, { timeoutMs: 300_000 });
    total += Number(row.deleted);
    onProgress?.(total);
  }
}
