import { basename, extname } from 'node:path';
import type { Database } from '../db/database';
import { writeBatch } from '../load/write';
import type { RawRow } from './columns';
import { type ParsedFile, streamList } from './parse';
import { FilingResolver, filingBatch } from './resolve';
import { type FilingRow, MAX_PROBLEMS_LISTED, type Problem, RowValidator } from './validate';

export interface ImportOptions {
  dryRun?: boolean;
  /** Source label recorded on every fact; defaults to the file's name. */
  source?: string;
  /** Title of that source; defaults to the label. */
  sourceTitle?: string;
  rowsPerTransaction?: number;
  /** After each batch is written: valid rows written so far, rows read so far. */
  onProgress?: (written: number, read: number) => void;
}

export interface ImportReport {
  file: string;
  sourceKey: string;
  rows: number;
  valid: number;
  skipped: number;
  /** The first MAX_PROBLEMS_LISTED of each; the counts have them all. */
  errors: Problem[];
  warnings: Problem[];
  errorCount: number;
  warningCount: number;
  written: { nodes: number; rels: number } | null;
  dryRun: boolean;
  /** Milliseconds spent reading what the graph knows, validating, and writing. */
  timings: { resolveMs: number; validateMs: number; writeMs: number };
}

export function sourceKeyFor(file: string, label?: string): string {
  return label?.trim() || basename(file, extname(file));
}

/** Rows validated between turns of the event loop: requests are answered while a long list is checked. */
const ROWS_PER_TURN = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Validates a list row by row as it is read and, unless dry-run, writes its valid rows in
 * batched transactions as they fill: memory holds one batch and what later rows are checked
 * against, never the whole list. A header the importer does not know writes nothing.
 */
export async function importRows(
  db: Database,
  rows: AsyncIterable<RawRow> | Iterable<RawRow>,
  headerProblems: () => string[],
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const sourceKey = sourceKeyFor(file, options.source);
  const sourceTitle = options.sourceTitle ?? (options.source?.trim() || basename(file));
  const timings = { resolveMs: 0, validateMs: 0, writeMs: 0 };
  let began = performance.now();
  const resolver = await FilingResolver.load(db);
  timings.resolveMs = Math.round(performance.now() - began);
  const validator = new RowValidator(resolver.region);
  const size = options.rowsPerTransaction ?? 1000;
  const dryRun = Boolean(options.dryRun);
  let read = 0;
  let valid = 0;
  let batch: FilingRow[] = [];
  let written: { nodes: number; rels: number } | null = null;
  let validateMs = 0;
  let writeMs = 0;
  const flush = async () => {
    if (batch.length === 0 || dryRun) return;
    const began = performance.now();
    const counts = await writeBatch(db, filingBatch(batch, resolver, sourceKey, sourceTitle));
    written = { nodes: (written?.nodes ?? 0) + counts.nodes, rels: (written?.rels ?? 0) + counts.rels };
    batch = [];
    writeMs += performance.now() - began;
    options.onProgress?.(valid, read);
  };
  let header: string[] | null = null;
  began = performance.now();
  for await (const raw of rows) {
    header ??= headerProblems();
    if (header.length) break;
    read += 1;
    const row = validator.check(raw);
    if (row) {
      valid += 1;
      if (!dryRun) batch.push(row);
    }
    if (batch.length >= size) {
      validateMs += performance.now() - began;
      await flush();
      began = performance.now();
    }
    if (read % ROWS_PER_TURN === 0) await nextTurn();
  }
  validateMs += performance.now() - began;
  header ??= headerProblems();
  if (header.length) {
    return {
      file,
      sourceKey,
      rows: read,
      valid: 0,
      // The header's row: nothing below it was read.
      skipped: 1,
      errors: header.map((rule) => ({ row: 1, column: 'header', rule, value: '' })),
      warnings: [],
      errorCount: header.length,
      warningCount: 0,
      written: null,
      dryRun,
      timings,
    };
  }
  await flush();
  return {
    file,
    sourceKey,
    rows: read,
    valid,
    skipped: validator.skipped,
    errors: validator.errors,
    warnings: validator.warnings,
    errorCount: validator.errorCount,
    warningCount: validator.warningCount,
    written,
    dryRun,
    timings: { ...timings, validateMs: Math.round(validateMs), writeMs: Math.round(writeMs) },
  };
}

/** A list parsed already (a mutation's argument, parsed in a worker). */
export function importParsed(
  db: Database,
  parsed: ParsedFile,
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return importRows(db, parsed.rows, () => parsed.headerProblems, file, options);
}

/** A list on disk, streamed: validated and written batch by batch whatever its size. */
export async function importFile(db: Database, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const { rows, headerProblems } = await streamList(file);
  return importRows(db, rows, headerProblems, file, options);
}

export function formatProblems(report: ImportReport): string {
  const lines = [
    `${report.file}: ${report.rows} rows, ${report.valid} valid, ${report.skipped} skipped` +
      (report.dryRun
        ? ' (dry run: nothing written)'
        : report.written
          ? `, wrote ${report.written.nodes} node and ${report.written.rels} relationship upserts`
          : ''),
  ];
  for (const e of report.errors)
    lines.push(`  error   row ${e.row}, column ${e.column}: ${e.rule}${e.value ? ` (value: "${e.value}")` : ''}`);
  for (const w of report.warnings)
    lines.push(`  warning row ${w.row}, column ${w.column}: ${w.rule}${w.value ? ` (value: "${w.value}")` : ''}`);
  if (report.errorCount > report.errors.length || report.warningCount > report.warnings.length)
    lines.push(
      `  (listed the first ${MAX_PROBLEMS_LISTED} of each: ${report.errorCount} errors and ${report.warningCount} warnings in all)`,
    );
  return lines.join('\n');
}
