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

/** Characters that make two names look alike or reorder what a reader sees: bidi controls and zero-width ones. */
export const DECEPTIVE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;
/** Noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF: not allowed in XML, so not in GraphML) and lone surrogates. */
export const NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{10FFFE}\u{10FFFF}]/u;
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Longest name an entity may have, whoever writes it (createEntity, the importer). */
export const MAX_NAME = 200;

/**
 * What is wrong with a piece of text that is to become a name or a value, or null: the one rule
 * for every writer (the editing API and the importer), so a name one refuses the other does too.
 */
export function textProblem(text: string, max = MAX_NAME): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate (not a character)';
  if (text.length > max) return `must be at most ${max} characters`;
  if (STRAY.test(text)) return 'contains control characters, U+FFFD or mojibake';
  if (DECEPTIVE.test(text))
    return 'contains bidirectional-override or zero-width characters, which make look-alike names';
  if (NONCHARACTER.test(text)) return 'contains Unicode noncharacters (such as U+FFFE or U+FFFF)';
  return null;
}
