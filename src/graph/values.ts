/**
 * What a valid value of the graph's vocabulary is: one home for each rule, used by the filing
 * importer, the editing mutations, the Date scalar and list filters alike.
 */

/** A CAC filing number: <province in pinyin>-<model>-<YYYYMMDD> or -<YYYYMMDDNNNN>. */
export const FILING_NUMBER = /^([A-Za-z]+)-([A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*)-(\d{8}|\d{12})$/;

/** Control characters, replacement characters and mojibake that a clean source never holds. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
export const STRAY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]|\?{2,}|锟斤拷/u;

/** A calendar date written YYYY-MM-DD that exists (no 2024-02-30). */
export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
