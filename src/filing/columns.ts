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
  seq: '序号',
  region: '属地',
  model: '模型名称',
  company: '备案单位',
  filingNumber: '备案编号',
  filingDate: '备案时间',
  source: '来源',
  batch: '批次',
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
  return h
    .normalize('NFKC')
    .replace(/[\s\uFEFF\u200B]+/g, '')
    .toLowerCase();
}

/** Maps a header row to columns; unknown extra columns are ignored, missing required ones reported. */
export function mapHeader(header: string[]): { columns: Partial<Record<Column, number>>; problems: string[] } {
  const columns: Partial<Record<Column, number>> = {};
  const problems: string[] = [];
  header.forEach((h, index) => {
    const n = normHeader(h);
    for (const [column, spellings] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
      if (!spellings.some((s) => normHeader(s) === n)) continue;
      const first = columns[column];
      // Two columns for one field: which one holds the list's values is a guess, so none is made.
      if (first !== undefined)
        problems.push(
          `header: two ${COLUMN_LABELS[column]} columns ("${header[first]}", column ${first + 1}, and "${h}", column ${index + 1}); keep one`,
        );
      else columns[column] = index;
      return;
    }
  });
  for (const required of ['model', 'company'] as Column[]) {
    if (columns[required] === undefined) {
      problems.push(
        `header: no ${COLUMN_LABELS[required]} column (expected one of ${COLUMNS[required].join(', ')}); found: ${header.join(', ')}`,
      );
    }
  }
  return { columns, problems };
}

/** The largest list read (the register has about a thousand filings; a synthetic benchmark list 346,000). */
export const MAX_ROWS = 2_000_000;
/** Columns beyond this are never read: a header has at most a dozen, and a cell at column XFD must not cost 16,384 reads per row. */
export const MAX_COLUMNS = 64;

/** Longest cell read: no field of a filing list comes near it (a name is at most 200 characters). */
export const MAX_CELL_CHARS = 10_000;

/** A cell's text, refused when it is longer than any field of a list can be (an 82 kB workbook held a 60 MB cell). */
function bounded(text: string, row: number, index: number): string {
  if (text.length > MAX_CELL_CHARS)
    throw new RangeError(
      `row ${row}, column ${index + 1} holds ${text.length} characters; a cell of a filing list has at most ${MAX_CELL_CHARS}`,
    );
  return text;
}

/**
 * Builds a ParsedFile one row at a time, so a list is never held twice (as text and as a
 * table): the first non-empty row is the header, every later row keeps only the cells of
 * the mapped columns.
 */
export class TableBuilder {
  private columns: Partial<Record<Column, number>> | null = null;
  private problems: string[] = [];
  private readonly rows: RawRow[] = [];

  /** `cell(i)` gives the text of 0-based column i of spreadsheet row `row`; the row is kept for result(). */
  add(row: number, width: number, cell: (index: number) => string): void {
    const read = this.read(row, width, cell);
    if (read) this.rows.push(read);
  }

  /** The row's mapped cells, without keeping it (a list read as a stream); null for the header and empty rows. */
  read(row: number, width: number, cell: (index: number) => string): RawRow | null {
    if (row > MAX_ROWS) throw new RangeError(`the list has more than ${MAX_ROWS} rows (row ${row}); split it`);
    const n = Math.min(width, MAX_COLUMNS);
    if (!this.columns) {
      const header = Array.from({ length: n }, (_, i) => bounded(cell(i), row, i));
      if (!header.some((c) => c.trim() !== '')) return null;
      ({ columns: this.columns, problems: this.problems } = mapHeader(header));
      return null;
    }
    const cells: Partial<Record<Column, string>> = {};
    let any = false;
    for (const [column, index] of Object.entries(this.columns) as [Column, number][]) {
      const value = index < n ? bounded(cell(index), row, index) : '';
      cells[column] = value;
      if (value.trim() !== '') any = true;
    }
    return any ? { row, cells } : null;
  }

  /** What is wrong with the header, once it has been read (and when there was none). */
  headerProblems(): string[] {
    return this.columns ? this.problems : ['the file has no header row'];
  }

  result(): ParsedFile {
    if (!this.columns) return { columns: {}, rows: [], headerProblems: ['the file has no header row'] };
    return { columns: this.columns, rows: this.rows, headerProblems: this.problems };
  }
}
