import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { MAX_COLUMNS, type ParsedFile, TableBuilder } from './columns';

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

/** CSV read as a stream of records: memory grows with the rows kept, not with the file's text. */
export async function parseCsvStream(input: Readable): Promise<ParsedFile> {
  const table = new TableBuilder();
  const parser = input.pipe(parseCsv({ relaxColumnCount: true, skipEmptyLines: false, bom: true }));
  // Rows are numbered by record, header included, as a spreadsheet shows them.
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    table.add(row, record.length, (i) => record[i] ?? '');
  }
  return table.result();
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

/**
 * The first sheet of a workbook, streamed: rows as the sheet's XML holds them (empty rows
 * cost nothing, so a cell at row 100,000 is one row), only cells that exist (styles are read: they say which numbers are dates), only the
 * first MAX_COLUMNS columns (a cell at column XFD is skipped, not 16,384 reads per row).
 */
export async function parseXlsxStream(input: Readable): Promise<ParsedFile> {
  const table = new TableBuilder();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  let sheets = 0;
  for await (const sheet of reader) {
    sheets += 1;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells: string[] = [];
      let width = 0;
      row.eachCell((cell, col) => {
        if (col > MAX_COLUMNS) return;
        cells[col - 1] = cellText(cell.value);
        width = Math.max(width, col);
      });
      table.add(row.number, width, (i) => cells[i] ?? '');
    }
    break; // the first sheet only
  }
  if (sheets === 0) return { columns: {}, rows: [], headerProblems: ['the workbook has no sheet'] };
  return table.result();
}

export const parseXlsx = (buffer: Buffer): Promise<ParsedFile> => parseXlsxStream(Readable.from([buffer]));

/** A list on disk, streamed whatever its size. */
/**
 * A list read from a file. The file is opened first, so a missing or unreadable one is one clear
 * error (never an unhandled stream error), and a workbook that is not one says so.
 */
export async function parseFile(path: string): Promise<ParsedFile> {
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
  const stream = handle.createReadStream();
  if (ext === '.xlsx') {
    try {
      return await parseXlsxStream(stream);
    } catch (error) {
      throw new Error(
        `${path} is not a readable XLSX workbook (${(error as Error).message}); open it in a spreadsheet program and save it again as .xlsx, or export it as CSV`,
      );
    }
  }
  return parseCsvStream(stream);
}
