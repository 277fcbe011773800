import { basename, extname } from 'node:path';
import type { Database } from '../db/database';
import { writeBatch } from '../load/write';
import { type ParsedFile, parseFile } from './parse';
import { FilingResolver, filingBatch } from './resolve';
import { type Problem, validateRows } from './validate';

export interface ImportOptions {
  dryRun?: boolean;
  /** Source label recorded on every fact; defaults to the file's name. */
  source?: string;
  /** Title of that source; defaults to the label. */
  sourceTitle?: string;
  rowsPerTransaction?: number;
  onProgress?: (done: number, total: number) => void;
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

/** Problems of each kind an import report lists (the counts include the rest). */
export const MAX_PROBLEMS_LISTED = 1000;

export function sourceKeyFor(file: string, label?: string): string {
  return label?.trim() || basename(file, extname(file));
}

/** Validates a parsed list and, unless dry-run, writes its valid rows in batched transactions. */
export async function importParsed(
  db: Database,
  parsed: ParsedFile,
  file: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const sourceKey = sourceKeyFor(file, options.source);
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
  const resolver = await FilingResolver.load(db);
  const resolveMs = lap();
  const headerErrors: Problem[] = parsed.headerProblems.map((rule) => ({ row: 1, column: 'header', rule, value: '' }));
  const { valid, errors, warnings } = headerErrors.length
    ? { valid: [], errors: headerErrors, warnings: [] }
    : validateRows(parsed.rows, resolver.region);
  const validateMs = lap();
  const report: ImportReport = {
    file,
    sourceKey,
    rows: parsed.rows.length,
    valid: valid.length,
    skipped: new Set(errors.map((e) => e.row)).size,
    // A list of 100,000 bad rows makes half a million problems: an answer lists the first ones.
    errors: errors.slice(0, MAX_PROBLEMS_LISTED),
    warnings: warnings.slice(0, MAX_PROBLEMS_LISTED),
    errorCount: errors.length,
    warningCount: warnings.length,
    written: null,
    dryRun: Boolean(options.dryRun),
    timings: { resolveMs, validateMs, writeMs: 0 },
  };
  if (options.dryRun || valid.length === 0) return report;

  const size = options.rowsPerTransaction ?? 1000;
  const written = { nodes: 0, rels: 0 };
  for (let i = 0; i < valid.length; i += size) {
    const batch = filingBatch(
      valid.slice(i, i + size),
      resolver,
      sourceKey,
      options.sourceTitle ?? (options.source?.trim() || basename(file)),
    );
    const counts = await writeBatch(db, batch);
    written.nodes += counts.nodes;
    written.rels += counts.rels;
    options.onProgress?.(Math.min(i + size, valid.length), valid.length);
  }
  report.written = written;
  report.timings.writeMs = lap();
  return report;
}

export async function importFile(db: Database, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  return importParsed(db, await parseFile(file), file, options);
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
