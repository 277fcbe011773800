import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_COLUMNS, type ParsedFile, type RawRow, TableBuilder } from './columns';

export type { ParsedFile } from './columns';

/** A CSV held in memory already (a mutation's argument, a test): one pass, one row at a time into the table. */
export function parseCsvText(text: string): ParsedFile {
  const table = new TableBuilder();
  const records = parseCsvSync(text.replace(/^\uFEFF/, ''), {
    relaxColumnCount: true,
    skipEmptyLines: false,
    bom: true,
  }) as string[][];
  for (const [i, record] of records.entries()) table.add(i + 1, record.length, (c) => record[c] ?? '');
  return table.result();
}

/** One spreadsheet row as a reader gives it: its number, its width, and its cells by 0-based column. */
interface SheetRow {
  row: number;
  width: number;
  cell: (index: number) => string;
}

/** A CSV's records as they are read, numbered as a spreadsheet shows them (header included). */
async function* csvRows(input: Readable): AsyncGenerator<SheetRow> {
  const parser = input.pipe(parseCsv({ relaxColumnCount: true, skipEmptyLines: false, bom: true }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, width: record.length, cell: (i) => record[i] ?? '' };
  }
}

async function collect(rows: AsyncIterable<SheetRow>, table = new TableBuilder()): Promise<ParsedFile> {
  for await (const { row, width, cell } of rows) table.add(row, width, cell);
  return table.result();
}

/** CSV read as a stream of records: memory grows with the rows kept, not with the file's text. */
export const parseCsvStream = (input: Readable): Promise<ParsedFile> => collect(csvRows(input));

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

/**
 * The first sheet of a workbook, streamed: rows as the sheet's XML holds them (empty rows
 * cost nothing, so a cell at row 100,000 is one row), only cells that exist (styles are read: they say which numbers are dates), only the
 * first MAX_COLUMNS columns (a cell at column XFD is skipped, not 16,384 reads per row).
 */
async function* xlsxRows(input: Readable): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells: string[] = [];
      let width = 0;
      row.eachCell((cell, col) => {
        if (col > MAX_COLUMNS) return;
        cells[col - 1] = cellText(cell.value);
        width = Math.max(width, col);
      });
      yield { row: row.number, width, cell: (i) => cells[i] ?? '' };
    }
    return; // the first sheet only
  }
  throw new NoSheet();
}

class NoSheet extends Error {
  constructor() {
    super('the workbook has no sheet');
  }
}

export async function parseXlsxStream(input: Readable): Promise<ParsedFile> {
  try {
    return await collect(xlsxRows(input));
  } catch (error) {
    if (error instanceof NoSheet) return { columns: {}, rows: [], headerProblems: [error.message] };
    throw error;
  }
}

export const parseXlsx = (buffer: Buffer): Promise<ParsedFile> => parseXlsxStream(Readable.from([buffer]));

/** Opens a list on disk: a missing or unreadable one is one clear error (never an unhandled stream error). */
async function openList(path: string): Promise<{ ext: string; stream: Readable }> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv' && ext !== '.txt')
    throw new Error(`${path}: unsupported file type "${ext}"; use .csv or .xlsx`);
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
    if (!(await handle.stat()).isFile()) {
      await handle.close();
      throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file (check the path)'
        : code === 'EACCES'
          ? 'it may not be read (check its permissions)'
          : code === 'EISDIR'
            ? 'it is a folder, not a file'
            : (error as Error).message;
    throw new Error(`cannot read ${path}: ${why}`);
  }
  return { ext, stream: handle.createReadStream() };
}

const notAWorkbook = (path: string, error: Error) =>
  new Error(
    `${path} is not a readable XLSX workbook (${error.message}); open it in a spreadsheet program and save it again as .xlsx, or export it as CSV`,
  );

/**
 * A list on disk read as a stream, row by row, never held whole (a million-row list is
 * validated and written in batches). The header is read before the first row is given:
 * `headerProblems()` says what is wrong with it (or that there was none) once `rows` has
 * given a row or ended. A file that cannot be read, or a workbook that is not one, fails
 * before any row.
 */
export async function streamList(
  path: string,
): Promise<{ rows: AsyncGenerator<RawRow>; headerProblems: () => string[] }> {
  const { ext, stream } = await openList(path);
  const table = new TableBuilder();
  const source = ext === '.xlsx' ? xlsxRows(stream) : csvRows(stream);
  let noSheet = false;
  async function* rows(): AsyncGenerator<RawRow> {
    try {
      for await (const { row, width, cell } of source) {
        const read = table.read(row, width, cell);
        if (read) yield read;
      }
    } catch (error) {
      if (error instanceof NoSheet) noSheet = true;
      else if (ext === '.xlsx') throw notAWorkbook(path, error as Error);
      else throw error;
    }
  }
  // Read up to the first row now, so an unreadable file or workbook fails here.
  const it = rows();
  const first = await it.next();
  async function* withFirst(): AsyncGenerator<RawRow> {
    if (!first.done) yield first.value;
    yield* it;
  }
  return {
    rows: withFirst(),
    headerProblems: () => (noSheet ? ['the workbook has no sheet'] : table.headerProblems()),
  };
}

/** A list on disk, read whole (small lists, tests). */
export async function parseFile(path: string): Promise<ParsedFile> {
  const { ext, stream } = await openList(path);
  if (ext !== '.xlsx') return parseCsvStream(stream);
  try {
    return await parseXlsxStream(stream);
  } catch (error) {
    throw notAWorkbook(path, error as Error);
  }
}
