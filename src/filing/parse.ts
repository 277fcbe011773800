import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** The columns of the official list, with the header spellings seen across batches. */
export const COLUMNS = {
  seq: ['序号', '编号序号', 'no', 'no.'],
  region: ['属地', '所属地区', '地区', '省份', '所在地', '属地/省份'],
  model: ['模型名称', '大模型名称', '服务名称', '模型', '名称'],
  company: ['备案单位', '备案主体', '单位名称', '企业名称', '公司名称', '单位'],
  filingNumber: ['备案编号', '备案号'],
  filingDate: ['备案时间', '备案日期', '上线时间', '时间', '日期'],
  source: ['来源', '数据来源', 'source'],
  batch: ['批次', '批次/附件', '附件', 'batch'],
} as const;
export type Column = keyof typeof COLUMNS;
export const COLUMN_LABELS: Record<Column, string> = {
  seq: '序号', region: '属地', model: '模型名称', company: '备案单位', filingNumber: '备案编号', filingDate: '备案时间', source: '来源', batch: '批次',
};

export interface RawRow {
  /** 1-based line/row number in the file, header included, as a spreadsheet shows it. */
  row: number;
  cells: Partial<Record<Column, string>>;
}

export interface ParsedFile {
  columns: Partial<Record<Column, number>>;
  rows: RawRow[];
  headerProblems: string[];
}

function normHeader(h: string): string {
  return h.normalize('NFKC').replace(/[\s\uFEFF\u200B]+/g, '').toLowerCase();
}

/** Maps a header row to columns; unknown extra columns are ignored, missing required ones reported. */
export function mapHeader(header: string[]): { columns: Partial<Record<Column, number>>; problems: string[] } {
  const columns: Partial<Record<Column, number>> = {};
  const problems: string[] = [];
  header.forEach((h, index) => {
    const n = normHeader(h);
    for (const [column, spellings] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (columns[column] === undefined && spellings.some((s) => normHeader(s) === n)) {
        columns[column] = index;
        return;
      }
    }
  });
  for (const required of ['model', 'company'] as Column[]) {
    if (columns[required] === undefined) {
      problems.push(`header: no ${COLUMN_LABELS[required]} column (expected one of ${COLUMNS[required].join(', ')}); found: ${header.join(', ')}`);
    }
  }
  return { columns, problems };
}

function toRows(table: string[][], firstRow: number): ParsedFile {
  const headerIndex = table.findIndex((r) => r.some((c) => c && c.trim() !== ''));
  if (headerIndex < 0) return { columns: {}, rows: [], headerProblems: ['the file has no header row'] };
  const { columns, problems } = mapHeader(table[headerIndex]);
  const rows: RawRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const line = table[i];
    if (!line.some((c) => c && c.trim() !== '')) continue;
    const cells: Partial<Record<Column, string>> = {};
    for (const [column, index] of Object.entries(columns) as [Column, number][]) cells[column] = line[index] ?? '';
    rows.push({ row: i + firstRow, cells });
  }
  return { columns, rows, headerProblems: problems };
}

export function parseCsvText(text: string): ParsedFile {
  const table = parseCsv(text.replace(/^\uFEFF/, ''), { relaxColumnCount: true, skipEmptyLines: false, bom: true }) as string[][];
  return toRows(table, 1);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

export async function parseXlsx(buffer: Buffer): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { columns: {}, rows: [], headerProblems: ['the workbook has no sheet'] };
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return toRows(table, 1);
}

export async function parseFile(path: string): Promise<ParsedFile> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return parseXlsx(readFileSync(path));
  if (ext === '.csv' || ext === '.txt') return parseCsvText(readFileSync(path, 'utf8'));
  throw new Error(`${path}: unsupported file type "${ext}"; use .csv or .xlsx`);
}
