import { INSIGHT_KINDS } from '../entity/kinds/insight';
import { badInput } from '../errors';
import { FILING_NUMBER, isValidIsoDate, LONE_SURROGATE, MAX_NAME, textProblem } from '../graph/values';
import type { EntityLabel } from '../graph/vocabulary';

type Rule =
  | { kind: 'text'; max?: number }
  | { kind: 'texts' }
  | { kind: 'date' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'number' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'pattern'; pattern: RegExp; rule: string };

/** The properties each type accepts through the API, with the importer's rules. */
export const PROPERTY_RULES: Record<EntityLabel, Record<string, Rule>> = {
  Model: {
    filingNumber: {
      kind: 'pattern',
      pattern: FILING_NUMBER,
      rule: 'must read <province in pinyin>-<model>-<YYYYMMDD> or -<YYYYMMDDNNNN>',
    },
    filingDate: { kind: 'date' },
    filingSeq: { kind: 'int', min: 1, max: 10_000_000 },
    filingType: { kind: 'enum', values: ['备案', '登记'] },
    sourceNote: { kind: 'text', max: 1000 },
  },
  Company: {},
  Region: {
    code: { kind: 'pattern', pattern: /^\d{6}$/, rule: 'must be a six-digit administrative code' },
    shortName: { kind: 'text', max: 20 },
    kind: { kind: 'enum', values: ['COUNTRY', 'MUNICIPALITY', 'PROVINCE', 'AUTONOMOUS_REGION', 'CENTRAL_SOE', 'CITY'] },
    filingPrefix: { kind: 'pattern', pattern: /^[A-Za-z]{2,20}$/, rule: 'must be a pinyin word such as Beijing' },
  },
  Cluster: {},
  Industry: { technicalFeatures: { kind: 'texts' } },
  Scenario: {
    typicalApplications: { kind: 'texts' },
    valueStatement: { kind: 'text', max: 200 },
    hot: { kind: 'bool' },
    domain: { kind: 'text', max: 50 },
  },
  Policy: {
    issuedOn: { kind: 'date' },
    issuedPrecision: { kind: 'enum', values: ['DAY', 'MONTH', 'YEAR'] },
    level: { kind: 'enum', values: ['NATIONAL', 'LOCAL'] },
    effect: { kind: 'text', max: 1000 },
  },
  EnterpriseType: { fundingTraits: { kind: 'text', max: 500 }, typicalCases: { kind: 'texts' } },
  Insight: {
    kind: { kind: 'enum', values: INSIGHT_KINDS },
    text: { kind: 'text', max: 2000 },
    periodText: { kind: 'text', max: 100 },
    periodFrom: { kind: 'date' },
    periodTo: { kind: 'date' },
  },
};

/** Properties a new entity of the type must have. */
export const REQUIRED: Partial<Record<EntityLabel, string[]>> = {
  Insight: ['kind', 'text'],
  Policy: ['level'],
  Region: ['kind'],
};

export function cleanText(argument: string, value: unknown, max = MAX_NAME): string {
  if (typeof value !== 'string') throw badInput(argument, 'must be a string');
  if (LONE_SURROGATE.test(value)) throw badInput(argument, 'contains a lone UTF-16 surrogate (not a character)');
  const text = value.normalize('NFKC').trim();
  if (text === '') throw badInput(argument, 'must not be empty');
  const problem = textProblem(text, max);
  if (problem) throw badInput(argument, problem);
  return text;
}

function checkValue(argument: string, rule: Rule, value: unknown): unknown {
  if (value === null) return null;
  switch (rule.kind) {
    case 'text':
      return cleanText(argument, value, rule.max);
    case 'texts':
      if (!Array.isArray(value) || value.length > 50) throw badInput(argument, 'must be a list of at most 50 strings');
      return value.map((v, i) => cleanText(`${argument}[${i}]`, v));
    case 'date':
      if (typeof value !== 'string' || !isValidIsoDate(value))
        throw badInput(argument, 'must be a date in the form YYYY-MM-DD');
      return value;
    case 'int':
      if (!Number.isInteger(value) || (value as number) < rule.min || (value as number) > rule.max)
        throw badInput(argument, `must be an integer from ${rule.min} to ${rule.max}`);
      return value;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw badInput(argument, 'must be a finite number');
      return value;
    case 'bool':
      if (typeof value !== 'boolean') throw badInput(argument, 'must be true or false');
      return value;
    case 'enum':
      if (typeof value !== 'string' || !rule.values.includes(value))
        throw badInput(argument, `must be one of ${rule.values.join(', ')}`);
      return value;
    case 'pattern':
      if (typeof value !== 'string' || !rule.pattern.test(value)) throw badInput(argument, rule.rule);
      return value;
  }
}

/** Validates type-specific properties; unknown names are refused, so nothing unexpected is written. */
export function validateProperties(
  label: EntityLabel,
  properties: unknown,
  creating: boolean,
): Record<string, unknown> {
  if (
    properties !== null &&
    properties !== undefined &&
    (typeof properties !== 'object' || Array.isArray(properties))
  ) {
    throw badInput('properties', 'must be an object');
  }
  const rules = PROPERTY_RULES[label];
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries((properties ?? {}) as Record<string, unknown>)) {
    // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule)
      throw badInput(
        `properties.${name}`,
        `is not a property of ${label}; allowed: ${Object.keys(rules).join(', ') || 'none'}`,
      );
    out[name] = checkValue(`properties.${name}`, rule, value);
  }
  if (creating) {
    for (const name of REQUIRED[label] ?? [])
      if (out[name] === undefined || out[name] === null)
        throw badInput(`properties.${name}`, `is required for a new ${label}`);
  }
  return out;
}

export function validateAliases(aliases: readonly string[] | null | undefined): string[] {
  if (!aliases) return [];
  if (aliases.length > 50) throw badInput('aliases', 'must hold at most 50 names');
  return [...new Set(aliases.map((a, i) => cleanText(`aliases[${i}]`, a)))];
}

export function validateSource(source: string): string {
  const text = cleanText('source', source, 200);
  if (/[#]/.test(text)) throw badInput('source', 'must not contain # (reserved for report sections)');
  return text;
}
