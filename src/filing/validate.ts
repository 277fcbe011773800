import { createHash } from 'node:crypto';
import { FILING_NUMBER, isValidIsoDate, MAX_NAME, STRAY, textProblem } from '../graph/values';
import { COLUMN_LABELS, type Column, type RawRow } from './columns';

export interface RegionRef {
  key: string;
  name: string;
  filingPrefix: string | null;
  /** CENTRAL_SOE for the 国资委 filing channel, which is not a place. */
  kind?: string | null;
}

/** 备案: a model filed with the CAC. 登记: an app registered as calling a filed model (its own list and numbering). */
export type FilingKind = '备案' | '登记';

export interface Problem {
  row: number;
  column: string;
  rule: string;
  value: string;
}

export interface FilingRow {
  row: number;
  seq: number | null;
  regionKey: string | null;
  /** Null when the list prints no name (the row is kept by its 序号 or filing number). */
  model: string | null;
  /** Null when the list prints no filer (kept by its filing number or 序号, without a DEVELOPS). */
  company: string | null;
  filingNumber: string | null;
  filingDate: string | null;
  sourceNote: string | null;
  kind: FilingKind;
  /** The list's batch or attachment (批次), e.g. 附件12(2026年5月至6月). */
  batch: string | null;
  /** The row's region is a filing channel (国资委), not where the company is. */
  channel: boolean;
}

/** 批次 "登记…" marks a registration row; anything else (or nothing) is a filing. */
export function parseBatch(text: string): { kind: FilingKind; batch: string | null } {
  const kind: FilingKind = text.startsWith('登记') ? '登记' : '备案';
  const batch = text.replace(/^(备案|登记)[·・.\s]*/u, '').trim();
  return { kind, batch: batch || null };
}

export interface Validation {
  valid: FilingRow[];
  /** The first MAX_PROBLEMS_LISTED of each kind. */
  errors: Problem[];
  warnings: Problem[];
  /** Rows with at least one error (whether listed or not). */
  skipped: number;
}

const INVISIBLE = /[\u00A0\u200B-\u200D\u2060\uFEFF\u3000]/gu;
const ORG_SUFFIX = /(有限公司|有限责任公司|股份公司|集团|研究所|研究院|大学|学院|中心|公司|银行|医院)$/u;
const MODEL_WORDS = /(大模型|模型|GPT|gpt|LLM|助手)/u;
const EARLIEST = '2023-01-01';

/** Accepts 2023-08-31, 2023/8/31, 2023.8.31, 2023年8月31日 and 20230831; returns ISO or null. */
export function normalizeDate(raw: string): string | null {
  const s = raw.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

const digest = (text: string) => createHash('sha1').update(text).digest('base64').slice(0, 16);

/** Problems of each kind an import keeps to list (the counts have them all). */
export const MAX_PROBLEMS_LISTED = 1000;

/**
 * Validates the rows of an official list one at a time, as they are read: memory holds what
 * later rows are checked against (filing numbers, 序号 and names seen, with a digest of each
 * row's content) and the first MAX_PROBLEMS_LISTED problems of each kind, never the rows. Every
 * problem names its row and column; a row with an error is skipped, a warning keeps the row.
 * Nothing here touches the database.
 */
export class RowValidator {
  readonly errors: Problem[] = [];
  readonly warnings: Problem[] = [];
  errorCount = 0;
  warningCount = 0;
  /** Rows with at least one error. */
  skipped = 0;
  private readonly seenNumbers = new Map<string, number>();
  /** Rows by 序号 (per list kind) and, for rows with neither 序号 nor number, by what they name. */
  private readonly seenSeqs = new Map<string, { row: number; content: string }>();
  // Keys and contents are digests (16 characters): a million rows are compared without a copy of each.
  private readonly seenNames = new Map<string, number>();
  private readonly todayIso: string;

  constructor(
    private readonly regions: (name: string) => RegionRef | undefined,
    today = new Date(),
  ) {
    this.todayIso = today.toISOString().slice(0, 10);
  }

  private error(...problems: Problem[]): void {
    this.errorCount += problems.length;
    for (const p of problems) if (this.errors.length < MAX_PROBLEMS_LISTED) this.errors.push(p);
  }

  private warning(problem: Problem): void {
    this.warningCount += 1;
    if (this.warnings.length < MAX_PROBLEMS_LISTED) this.warnings.push(problem);
  }

  /** The row as a filing, or null when it is skipped (an error) or written once already (a repeat). */
  check(raw: RawRow): FilingRow | null {
    const before = this.errorCount;
    const row = this.checkRow(raw);
    if (this.errorCount > before) this.skipped += 1;
    return row;
  }

  private checkRow(raw: RawRow): FilingRow | null {
    const rowErrors: Problem[] = [];
    const err = (column: Column, rule: string, value = '') =>
      rowErrors.push({ row: raw.row, column: COLUMN_LABELS[column], rule, value });
    const warn = (column: Column, rule: string, value = '') =>
      this.warning({ row: raw.row, column: COLUMN_LABELS[column], rule, value });

    const cell = (column: Column): string => {
      const value = raw.cells[column] ?? '';
      if (STRAY.test(value))
        err(column, 'contains stray or garbled characters (control characters, U+FFFD or mojibake)', value);
      const cleaned = value.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
      if (cleaned !== value.trim()) warn(column, 'invisible or full-width spaces were removed', value);
      // The rules createEntity applies to a name apply to every cell that becomes one (or a value).
      const problem = textProblem(cleaned, column === 'source' ? 1000 : MAX_NAME);
      if (problem && !STRAY.test(value)) err(column, problem, cleaned.slice(0, 100));
      return cleaned;
    };

    const model = cell('model');
    const company = cell('company');
    const regionText = cell('region');
    const numberText = cell('filingNumber');
    const dateText = cell('filingDate');
    const seqText = cell('seq');
    const sourceNote = cell('source') || null;
    const { kind, batch } = parseBatch(cell('batch'));

    if (model && company && ORG_SUFFIX.test(model) && !ORG_SUFFIX.test(company)) {
      err(
        'model',
        `looks like an organisation while 备案单位 "${company}" does not: model and company columns look swapped`,
        model,
      );
    } else if (company && MODEL_WORDS.test(company) && !ORG_SUFFIX.test(company)) {
      err('company', 'looks like a model name, not an organisation: model and company columns may be swapped', company);
    }

    let seq: number | null = null;
    if (seqText) {
      if (/^\d+$/.test(seqText)) seq = Number(seqText);
      else err('seq', 'must be a whole number', seqText);
    }

    let region: RegionRef | undefined;
    if (regionText) {
      region = this.regions(regionText);
      if (!region) err('region', 'is not a known province-level region or 国资委/中央企业', regionText);
    }

    let filingNumber: string | null = null;
    if (numberText) {
      const m = FILING_NUMBER.exec(numberText);
      if (!m) {
        err('filingNumber', 'must read <province in pinyin>-<model>-<YYYYMMDD> or -<YYYYMMDDNNNN>', numberText);
      } else {
        filingNumber = numberText;
        if (!isValidIsoDate(`${m[3].slice(0, 4)}-${m[3].slice(4, 6)}-${m[3].slice(6, 8)}`)) {
          err('filingNumber', 'has an impossible date in its last part', numberText);
        }
        const prefixRegion = this.regions(m[1]);
        if (!prefixRegion) err('filingNumber', `prefix "${m[1]}" is not a known province in pinyin`, numberText);
        else if (region && prefixRegion.key !== region.key) {
          err(
            'region',
            `is ${region.name} but the filing number's prefix "${m[1]}" says ${prefixRegion.name}`,
            regionText,
          );
        } else if (!region) {
          region = prefixRegion;
          warn('region', `is empty; taken from the filing number's prefix as ${prefixRegion.name}`, numberText);
        }
        const numberKey = digest(numberText.toLowerCase());
        const first = this.seenNumbers.get(numberKey);
        if (first !== undefined)
          err('filingNumber', `duplicates the filing number of row ${first} in this file`, numberText);
        else this.seenNumbers.set(numberKey, raw.row);
      }
    }

    // A row is kept by what identifies the filing (its 序号 in a list, or its filing number);
    // a field the list leaves empty is then unknown, said once, never invented.
    const identity = filingNumber ? `备案编号 ${filingNumber}` : seq !== null ? `${kind} 序号 ${seq}` : null;
    if (!model && identity)
      warn('model', `is empty: the filing is kept by its ${identity}, its name unknown (shown as that identity)`);
    else if (!model) err('model', 'is empty, and the row has no 序号 or 备案编号 to identify the filing by');
    if (!company && identity) warn('company', `is empty: the filing is kept by its ${identity}, its filer unknown`);
    else if (!company) err('company', 'is empty, and the row has no 序号 or 备案编号 to identify the filing by');

    if (!region && !numberText)
      warn('region', 'is empty and there is no filing number to read it from: the model gets no 备案属地');

    let filingDate: string | null = null;
    if (dateText) {
      filingDate = normalizeDate(dateText);
      if (!filingDate) err('filingDate', 'must be a real date such as 2023-08-31', dateText);
      else if (filingDate < EARLIEST)
        err('filingDate', `is before ${EARLIEST}, when no filing regime existed`, dateText);
      else if (filingDate > this.todayIso) err('filingDate', 'is in the future', dateText);
    }

    if (rowErrors.length) {
      this.error(...rowErrors);
      return null;
    }
    // A row is a filing: rows that name the same model and company under their own 序号 are
    // separate filings; only a row that repeats another (same 序号 and content, or no 序号 and
    // no number and the same names) is a duplicate, written once with a warning naming both.
    const content = digest([kind, regionText, model, company, numberText, filingDate ?? ''].join('\u0000'));
    if (seq !== null) {
      const first = this.seenSeqs.get(`${kind}#${seq}`);
      if (first && first.content === content) {
        warn('seq', `duplicates row ${first.row} (same 序号 and content): written once`, seqText);
        return null;
      }
      if (first) {
        this.error({
          row: raw.row,
          column: COLUMN_LABELS.seq,
          rule: `is also the ${kind} 序号 of row ${first.row}, which has different content`,
          value: seqText,
        });
        return null;
      }
      this.seenSeqs.set(`${kind}#${seq}`, { row: raw.row, content });
    }
    const nameKey = digest([kind, model, company].join('\u0000'));
    // A row without a name repeats no other by its names: its identity says which filing it is.
    const sameNames = model ? this.seenNames.get(nameKey) : undefined;
    if (sameNames !== undefined && seq === null && !filingNumber) {
      warn(
        'model',
        `duplicates row ${sameNames} (same model and company, no 序号 or filing number): written once`,
        model,
      );
      return null;
    }
    if (sameNames !== undefined)
      warn(
        'model',
        `names the same model and company as row ${sameNames}; kept as a separate filing (its own 序号 or filing number)`,
        model,
      );
    else if (model) this.seenNames.set(nameKey, raw.row);
    return {
      row: raw.row,
      seq,
      regionKey: region?.key ?? null,
      model: model || null,
      company: company || null,
      filingNumber,
      filingDate,
      sourceNote,
      kind,
      batch,
      channel: region?.kind === 'CENTRAL_SOE',
    };
  }
}

/** Validates every row of a list held in memory (tests, small lists): the valid filings and every listed problem. */
export function validateRows(
  rows: RawRow[],
  regions: (name: string) => RegionRef | undefined,
  today = new Date(),
): Validation {
  const validator = new RowValidator(regions, today);
  const valid: FilingRow[] = [];
  for (const raw of rows) {
    const row = validator.check(raw);
    if (row) valid.push(row);
  }
  return { valid, errors: validator.errors, warnings: validator.warnings, skipped: validator.skipped };
}
