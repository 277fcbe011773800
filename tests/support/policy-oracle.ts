import type { Database } from '../../src/db/database';
import type { TestApi } from './api';

/**
 * An oracle for which policies apply to which company, computed from the graph's plain facts
 * (places, filings, channels, types, subjects) in a few direct reads and plain JavaScript,
 * written apart from the code under test (src/policy/, cypher/policy/applicability.cypher).
 * The rules, as a policy analyst states them (README, Which policies apply):
 * - a policy applies where the company is placed: its 属地 or stated seat, the province prefix
 *   of a filing number without 属地, or the division its registered name begins with or
 *   brackets; LOCAL through a region the policy applies to (or one containing it), NATIONAL
 *   when that region is the country;
 * - a national policy binds every filer (备案 or 登记, the 国资委 channel included) and every
 *   company the report classes among filers by enterprise type;
 * - SUBJECT when its own model serves what the policy promotes or regulates (directly, through
 *   a scenario, or through a scenario's industry), once jurisdiction holds or none is stated;
 *   NAMED when it names its own model;
 * - as of a date: nothing before the company's first dated filing; only models filed and
 *   policies issued by then (undated ones always).
 */
export type Rule = 'NAMED' | 'SUBJECT' | 'LOCAL' | 'NATIONAL';
export const TIERS: Rule[] = ['NAMED', 'SUBJECT', 'LOCAL', 'NATIONAL'];

interface RegionFact {
  key: string;
  name: string;
  shortName: string | null;
  kind: string | null;
  filingPrefix: string | null;
  parents: string[];
}
interface ModelFact {
  key: string;
  role: string | null;
  filingType: string | null;
  filingDate: string | null;
  filingNumber: string | null;
  filedIn: string[];
  serves: string[];
  scenarios: string[];
}
interface CompanyFact {
  key: string;
  name: string;
  basedIn: string[];
  types: string[];
  models: ModelFact[];
}
interface PolicyFact {
  key: string;
  level: string | null;
  issuedOn: string | null;
  appliesTo: string[];
  targets: string[];
}
export interface Facts {
  companies: CompanyFact[];
  regions: Map<string, RegionFact>;
  policies: PolicyFact[];
  scenarioIndustries: Map<string, string[]>;
}

const read = async <T>(db: Database, text: string) => (await db.read({ file: 'test/policy-oracle', text })) as T[];

export async function readFacts(db: Database): Promise<Facts> {
  const companies = await read<CompanyFact>(
    db,
    `MATCH (c:Company)
     RETURN c.key AS key, c.name AS name,
       [(c)-[:BASED_IN]->(g:Region) | g.key] AS basedIn,
       [(c)-[:HAS_TYPE]->(t:EnterpriseType) | t.key] AS types,
       [(c)-[d:DEVELOPS]->(m:Model) | {key: m.key, role: d.role, filingType: m.filingType, filingDate: m.filingDate,
          filingNumber: m.filingNumber, filedIn: [(m)-[:FILED_IN]->(g:Region) | g.key],
          serves: [(m)-[:SERVES]->(i:Industry) | 'Industry:' + i.key],
          scenarios: [(m)-[:APPLIED_IN]->(s:Scenario) | s.key]}] AS models`,
  );
  const regions = await read<RegionFact>(
    db,
    `MATCH (g:Region) RETURN g.key AS key, g.name AS name, g.shortName AS shortName, g.kind AS kind,
       g.filingPrefix AS filingPrefix, [(g)-[:WITHIN]->(p:Region) | p.key] AS parents`,
  );
  const policies = await read<PolicyFact>(
    db,
    `MATCH (p:Policy) RETURN p.key AS key, p.level AS level, p.issuedOn AS issuedOn,
       [(p)-[:APPLIES_TO]->(g:Region) | g.key] AS appliesTo,
       [(p)-[:PROMOTES|REGULATES]->(x) | labels(x)[0] + ':' + x.key] AS targets`,
  );
  const scenarios = await read<{ key: string; industries: string[] }>(
    db,
    `MATCH (s:Scenario) RETURN s.key AS key, [(s)-[:IN_INDUSTRY]->(i:Industry) | 'Industry:' + i.key] AS industries`,
  );
  return {
    companies,
    regions: new Map(regions.map((r) => [r.key, r])),
    policies,
    scenarioIndustries: new Map(scenarios.map((s) => [s.key, s.industries])),
  };
}

function ancestors(regions: Map<string, RegionFact>, key: string): string[] {
  const out = new Set<string>();
  const todo = [key];
  while (todo.length > 0) {
    const k = todo.pop() as string;
    if (out.has(k)) continue;
    out.add(k);
    todo.push(...(regions.get(k)?.parents ?? []));
  }
  return [...out];
}

/** Where the company stands, by its own facts as of the date. */
function places(facts: Facts, c: CompanyFact, models: ModelFact[]): Set<string> {
  const out = new Set(c.basedIn);
  for (const m of models) {
    for (const g of m.filedIn) out.add(g);
    if (m.filedIn.length === 0 && m.filingNumber?.includes('-')) {
      const prefix = m.filingNumber.split('-')[0].toLowerCase();
      for (const r of facts.regions.values()) if (r.filingPrefix?.toLowerCase() === prefix) out.add(r.key);
    }
  }
  for (const r of facts.regions.values()) {
    if (r.kind === 'COUNTRY' || r.kind === 'CENTRAL_SOE') continue;
    for (const n of [r.name, r.shortName]) {
      if (n && n.length >= 2 && (c.name.startsWith(n) || c.name.includes(`（${n}）`) || c.name.includes(`(${n})`)))
        out.add(r.key);
    }
  }
  return out;
}

const by = (asOf: string | null, date: string | null) => !asOf || !date || date <= asOf;

/** policy key -> the rules that hold, for one company as of a date (null: the company did not exist). */
export function expectedPolicies(facts: Facts, c: CompanyFact, asOf: string | null): Map<string, Set<Rule>> | null {
  const dates = c.models.map((m) => m.filingDate).filter((d): d is string => !!d);
  if (asOf && dates.length > 0 && dates.every((d) => d > asOf)) return null;
  const models = c.models.filter((m) => by(asOf, m.filingDate));
  const here = new Set([...places(facts, c, models)].flatMap((g) => ancestors(facts.regions, g)));
  const filer = models.some(
    (m) => ['备案单位', '登记单位'].includes(m.role ?? '') || ['备案', '登记'].includes(m.filingType ?? ''),
  );
  const central = [...here].some((g) => facts.regions.get(g)?.kind === 'CENTRAL_SOE');
  const own = new Set(models.map((m) => `Model:${m.key}`));
  const subjects = new Set(
    models.flatMap((m) => [
      ...m.serves,
      ...m.scenarios.map((s) => `Scenario:${s}`),
      ...m.scenarios.flatMap((s) => facts.scenarioIndustries.get(s) ?? []),
    ]),
  );
  const out = new Map<string, Set<Rule>>();
  for (const p of facts.policies) {
    if (!by(asOf, p.issuedOn)) continue;
    const rules = new Set<Rule>();
    const country = p.appliesTo.some((g) => facts.regions.get(g)?.kind === 'COUNTRY');
    for (const g of p.appliesTo)
      if (here.has(g)) rules.add(facts.regions.get(g)?.kind === 'COUNTRY' ? 'NATIONAL' : 'LOCAL');
    if ((p.level === 'NATIONAL' || country) && (filer || central || c.types.length > 0)) rules.add('NATIONAL');
    const scoped = p.level !== null || p.appliesTo.length > 0;
    const jurisdiction = rules.size > 0;
    if (p.targets.some((t) => own.has(t))) rules.add('NAMED');
    if ((jurisdiction || !scoped) && p.targets.some((t) => subjects.has(t))) rules.add('SUBJECT');
    if (rules.size > 0) out.set(p.key, rules);
  }
  return out;
}

export const topRule = (rules: Set<Rule>) => TIERS.find((r) => rules.has(r));

const POLICIES = `query($d: Date, $after: String) { companies(first: 50, after: $after) {
  pageInfo { hasNextPage endCursor }
  nodes { key policies(first: 20, asOf: $d) { target { key name } rule score reason reasonEn
    path { nodes { __typename key } }
    matches { rule basis region { key } reason evidence { nodes { __typename key } steps { type } } } } } } }`;

export interface AnsweredMatch {
  rule: string;
  basis: string | null;
  region: { key: string } | null;
  reason: string;
  evidence: { nodes: { __typename: string; key: string }[]; steps: { type: string }[] }[];
}
export interface AnsweredLink {
  target: { key: string; name: string };
  rule: string;
  score: number;
  reason: string;
  reasonEn: string;
  path: { nodes: { __typename: string; key: string }[] };
  matches: AnsweredMatch[];
}

/** Every company's policies as the API answers them (Company.policies, pages of 50 companies). */
export async function answersOf(api: TestApi, asOf: string | null): Promise<Map<string, AnsweredLink[]>> {
  const answers = new Map<string, AnsweredLink[]>();
  let after: string | null = null;
  do {
    const r: any = await api.gql(POLICIES, { d: asOf, after });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    for (const c of r.data.companies.nodes) answers.set(c.key, c.policies);
    after = r.data.companies.pageInfo.hasNextPage ? r.data.companies.pageInfo.endCursor : null;
  } while (after);
  return answers;
}

const sortKeys = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

/** The companies whose answer differs from the oracle's (policies, strongest rule, set of rules), each described. */
export function disagreements(facts: Facts, answers: Map<string, AnsweredLink[]>, asOf: string | null): string[] {
  const wrong: string[] = [];
  for (const c of facts.companies) {
    const expected = expectedPolicies(facts, c, asOf) ?? new Map<string, Set<Rule>>();
    const got = sortKeys(
      Object.fromEntries(
        (answers.get(c.key) ?? []).map((l) => [
          l.target.key,
          { rule: l.rule, rules: [...new Set(l.matches.map((m) => m.rule))].sort() },
        ]),
      ),
    );
    const want = sortKeys(
      Object.fromEntries([...expected].map(([p, rules]) => [p, { rule: topRule(rules), rules: [...rules].sort() }])),
    );
    if (JSON.stringify(got) !== JSON.stringify(want))
      wrong.push(`${c.key}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return wrong;
}
