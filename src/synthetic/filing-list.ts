/**
 * A synthetic official filing list, for timing the importer at scale: the columns and
 * spellings of the CAC attachments (序号, 属地, 模型名称, 备案单位, 备案编号, 备案时间), the
 * report's province shares, a Zipf long tail of companies, well-formed filing numbers with
 * each province's own prefix, dates from 2023-08-31 on. Deterministic for a given size.
 *
 * Importing it writes ordinary (not synthetic) facts, so it belongs in a scratch database
 * only: `npm run bench:import` starts one of its own.
 */
import { readRegions } from '../load/seed';
import { companyPicker, random, regionWeights, weighted } from './shape';

const HEADER = ['序号', '属地', '模型名称', '备案单位', '备案编号', '备案时间'];

/** Rows of the list, header first, as arrays of cells. */
export function* filingListRows(rows: number, seed = 20250331): Generator<string[]> {
  const regions = new Map(readRegions().regions.map((r) => [r.key, r]));
  const weights = regionWeights().filter(([key]) => regions.get(key)?.filingPrefix);
  const rand = random(seed + rows);
  const companies = Math.max(3, Math.round(rows / 4));
  const companyRegion: string[] = [];
  for (let k = 0; k < companies; k++) companyRegion.push(weighted(weights, rand()));
  const pick = companyPicker(companies, rand);
  yield HEADER;
  for (let i = 0; i < rows; i++) {
    const company = pick();
    const region = regions.get(companyRegion[company]);
    if (!region) throw new Error(`no region ${companyRegion[company]} in data/regions.json`);
    const date = new Date(Date.UTC(2023, 7, 31) + Math.floor(rand() * 580) * 86_400_000).toISOString().slice(0, 10);
    const seq = String(i + 1).padStart(7, '0');
    yield [
      String(i + 1),
      region.name,
      `测试模型${seq}`,
      `测试科技${String(company).padStart(7, '0')}有限公司`,
      `${region.filingPrefix}-TestModel${seq}-${date.replace(/-/g, '')}${seq.slice(-4)}`,
      date,
    ];
  }
}

/** The list as CSV text (no cell needs quoting: the generator writes no commas or quotes). */
export function filingListCsv(rows: number): string {
  const lines: string[] = [];
  for (const cells of filingListRows(rows)) lines.push(cells.join(','));
  return `${lines.join('\n')}\n`;
}
