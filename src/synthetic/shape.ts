/** The shape of the real register, shared by the synthetic graph and the synthetic filing list. */

/** The report's province counts (of 346); the other 76 spread over the remaining regions. */
const STATED_REGIONS: [string, number][] = [
  ['110000', 105],
  ['310000', 66],
  ['440000', 45],
  ['330000', 31],
  ['320000', 23],
];
const OTHER_REGIONS = [
  'central-soe',
  '340000',
  '510000',
  '420000',
  '370000',
  '350000',
  '430000',
  '500000',
  '120000',
  '520000',
  '610000',
  '410000',
  '130000',
  '210000',
  '360000',
];
export const INDUSTRIES: [string, number][] = [
  ['通用人工智能', 30],
  ['金融科技', 12],
  ['教育', 12],
  ['医疗健康', 10],
  ['智能制造', 10],
  ['企业服务', 10],
  ['政务', 6],
  ['文旅', 4],
  ['网络安全', 3],
  ['能源', 2],
  ['农业', 1],
];
export const SCENARIOS: [string, number][] = [
  ['内容生成', 35],
  ['智能交互', 30],
  ['决策支持', 20],
  ['科研辅助', 15],
];
export const TYPES: [string, number][] = [
  ['民营企业', 76],
  ['国企', 15],
  ['事业单位', 9],
];
export const PINYIN: Record<string, string> = {
  '110000': 'Beijing',
  '310000': 'Shanghai',
  '440000': 'Guangdong',
  '330000': 'Zhejiang',
  '320000': 'Jiangsu',
  'central-soe': 'ZhongYangQiYe',
};

/** Companies per 346 filings: the real register's ratio of about four filings per company. */
export const COMPANIES_PER_BLOCK = 87;

/** Region keys with their weights: the report's five, then the rest of the 346 spread evenly. */
export function regionWeights(): [string, number][] {
  return [...STATED_REGIONS, ...OTHER_REGIONS.map((r) => [r, 76 / OTHER_REGIONS.length] as [string, number])];
}

/** A small deterministic PRNG (mulberry32), so a scale always generates the same register. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weighted<T>(items: [T, number][], r: number): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1][0];
}

/**
 * Picks a company for each filing. The register grows by more companies, not by bigger ones:
 * companies come in blocks the size of the real register's (one per 346 filings), and within
 * a block a filing goes to company k with Zipf weight 1 / (k + 1)^0.8, so each block has a few
 * companies with dozens of models (about 44, 25 and 18) and a long tail with one or two,
 * at every scale.
 */
export function companyPicker(companies: number, rand: () => number, perBlock = COMPANIES_PER_BLOCK): () => number {
  const size = Math.min(perBlock, companies);
  const blocks = Math.ceil(companies / size);
  const cumulative: number[] = [];
  let sum = 0;
  for (let k = 0; k < size; k++) {
    sum += 1 / (k + 1) ** 0.8;
    cumulative.push(sum);
  }
  const pick = () => {
    const block = Math.floor(rand() * blocks);
    const x = rand() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return block * size + lo;
  };
  // The last block may be partial: draw again when the pick falls past its end.
  return () => {
    for (;;) {
      const k = pick();
      if (k < companies) return k;
    }
  };
}

/** Syllables for brand names, two per name (文心, 智谱, 星火 ...). */
const BRAND_A = [...'智星云天文灵海通远博华晨光明睿慧新启航思创数言图语鸿鼎瀚宸川泽极衡知识'];
const BRAND_B = [...'谱火帆问心言图境擎脑瞳源元镜答芯合象航讯意宇行流书影声盾桥研算'];
const COMPANY_TAILS = [
  '科技有限公司',
  '信息技术有限公司',
  '智能科技有限公司',
  '网络科技有限公司',
  '数据科技股份有限公司',
];
const MODEL_TAILS = ['大模型', '', '智能助手', 'GPT', '生成式服务', '认知大模型', '多模态大模型', '行业大模型'];

/** The brand for index k: two syllables, then a third for larger registers; unique per k. */
function brand(k: number): string {
  const a = BRAND_A[k % BRAND_A.length];
  const b = BRAND_B[Math.floor(k / BRAND_A.length) % BRAND_B.length];
  const rest = Math.floor(k / (BRAND_A.length * BRAND_B.length));
  return rest === 0
    ? `${a}${b}`
    : `${a}${b}${BRAND_A[(rest - 1) % BRAND_A.length]}${rest > BRAND_A.length ? rest : ''}`;
}

/** Company k's registered name, e.g. 北京智谱科技有限公司: the city, a brand, a legal form. Unique per k. */
export function companyName(k: number, city: string): string {
  const tail = COMPANY_TAILS[k % COMPANY_TAILS.length];
  return `${city}${brand(k)}${tail}`.replace(/(\d+)(\D*有限公司)$/, '$1号$2');
}

/** Model i's name, e.g. 星火认知大模型 or 云问 2.0. Unique per i. */
export function modelName(i: number): string {
  const b = brand(Math.floor(i / MODEL_TAILS.length));
  const tail = MODEL_TAILS[i % MODEL_TAILS.length];
  return tail === '' ? `${b} 2.0` : `${b}${tail}`;
}
