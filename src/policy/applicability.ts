import type { EntityRow, RelRow } from '../entity/rows';
import { displayName, englishName, explainPath } from '../path/explain';
import { reason } from '../path/rank';
import type { ApplicabilityBasis, ApplicabilityRule, LinkRow, PathRow, PolicyMatchRow } from '../path/rows';

/**
 * Which policies apply to a company, by the rules of the domain (docs/queries.md: Which policies apply),
 * over the company's own facts only (cypher/policy/applicability.cypher reads them):
 *
 * - Jurisdiction: a policy applies to the companies placed in a region it applies to, or in any
 *   region within one (LOCAL; NATIONAL when that region is the country). A national policy also
 *   binds every company that filed or registered with the CAC, those filed through the 国资委
 *   channel (中央企业) and those the report classes among filers by enterprise type.
 * - Subject: a policy that promotes or regulates an industry or scenario applies more
 *   specifically to the companies whose own models serve it (SUBJECT), once its jurisdiction
 *   holds (or it states none); one that names a company's own model applies by name (NAMED).
 * - Ranking: NAMED, SUBJECT, LOCAL, NATIONAL; within a rule, the more specific evidence first.
 */
/** A run of real relationships, in the order walked; `forward` is each one's direction along it. */
export interface Segment {
  nodes: EntityRow[];
  rels: RelRow[];
  forward: boolean[];
}

/** The facts of one company, as cypher/policy/applicability.cypher returns them. */
export interface CompanyFacts {
  key: string;
  company: EntityRow;
  firstFiled: string | null;
  filings: Segment[];
  places: {
    basis: 'BASED_IN' | 'FILED_IN' | 'FILING_NUMBER' | 'REGISTERED_NAME';
    region: EntityRow;
    segment: Segment;
  }[];
  scoped: { place: number; region: EntityRow; chain: Segment }[];
  national: EntityRow[];
  types: Segment[];
  subjects: { kind: 'NAMED' | 'SUBJECT'; policy: EntityRow; scoped: boolean; degree: number; segment: Segment }[];
}

export interface PolicyLinkRow extends LinkRow {
  rule: ApplicabilityRule;
  matches: PolicyMatchRow[];
}

const TIER: Record<ApplicabilityRule, number> = { NAMED: 4, SUBJECT: 3, LOCAL: 2, NATIONAL: 1 };
/** How directly each basis shows where a company stands: a stated place over one read from a name. */
const CONFIDENCE: Record<ApplicabilityBasis, number> = {
  BASED_IN: 1,
  FILED_IN: 1,
  CENTRAL_SOE: 1,
  FILING_NUMBER: 0.9,
  REGISTERED_NAME: 0.8,
  FILING: 0.7,
  ENTERPRISE_TYPE: 0.5,
};
const BASIS_ORDER = Object.keys(CONFIDENCE) as ApplicabilityBasis[];

const asPath = (s: Segment): PathRow => ({
  nodes: s.nodes,
  rels: s.rels.map((r, i) => ({ ...r, __forward: s.forward[i] })),
  walk: 'MEANINGFUL',
});

/** Two segments joined where the first ends at the node the second starts from. */
function join(a: Segment, b: Segment): Segment {
  return {
    nodes: [...a.nodes, ...b.nodes.slice(1)],
    rels: [...a.rels, ...b.rels],
    forward: [...a.forward, ...b.forward],
  };
}

const lastNode = (s: Segment) => s.nodes[s.nodes.length - 1];
const sameNode = (a: EntityRow, b: EntityRow) => a.__label === b.__label && a.key === b.key;

/** The words for a step that no relationship holds: what was read, and from where. */
function derivedStep(
  basis: ApplicabilityBasis,
  facts: CompanyFacts,
  segment: Segment,
  region: EntityRow | null,
  lang: 'zh' | 'en',
): string {
  const zh = lang === 'zh';
  const path = explainPath(segment.nodes, asPath(segment).rels, lang);
  const place = region ? (zh ? region.name : englishName(region)) : '';
  const model = lastNode(segment);
  switch (basis) {
    case 'FILING_NUMBER': {
      const number = String(model.filingNumber ?? '');
      return zh
        ? `${path}（备案号 ${number} 的前缀：${place}）`
        : `${path} (filing number ${number}, prefixed ${place})`;
    }
    case 'REGISTERED_NAME':
      return zh
        ? `${displayName(facts.company)} 注册于 ${place}（据其注册名称 ${facts.company.name}）`
        : `${englishName(facts.company)} is registered in ${place} (by its registered name ${facts.company.name})`;
    case 'FILING': {
      const registered = model.filingType === '登记';
      return zh ? `${path}（${registered ? '登记' : '备案'}）` : `${path} (${registered ? 'registered' : 'filed'})`;
    }
    default:
      return path;
  }
}

function jurisdictionText(
  basis: ApplicabilityBasis,
  facts: CompanyFacts,
  place: Segment,
  chain: Segment | null,
  policyRegion: EntityRow | null,
  placeRegion: EntityRow | null,
  lang: 'zh' | 'en',
): string {
  const zh = lang === 'zh';
  if (chain && (basis === 'BASED_IN' || basis === 'FILED_IN')) return reason(asPath(join(place, chain)), lang);
  if (chain && policyRegion) {
    const head = zh ? `适用于 ${policyRegion.name}` : `applies to ${englishName(policyRegion)}`;
    const up =
      chain.rels.length > 1 ? explainPath(chain.nodes.slice(0, -1), asPath(chain).rels.slice(0, -1), lang) : '';
    const tail = up ? (zh ? `，${up}` : `; ${up}`) : '';
    return `${head} — ${derivedStep(basis, facts, place, placeRegion, lang)}${tail}`;
  }
  const head: Record<string, [string, string]> = {
    CENTRAL_SOE: [
      '全国性政策，国资委渠道（中央企业）备案',
      'national policy; filed through the central SOE channel (国资委)',
    ],
    FILING: [
      '全国性政策，约束所有向网信办备案或登记的单位',
      'national policy; binds every service filed or registered with the CAC',
    ],
    ENTERPRISE_TYPE: [
      '全国性政策，报告将其列为此类备案主体',
      'national policy; the report classes it among filers of this type',
    ],
  };
  const [hz, he] = head[basis] ?? ['全国性政策', 'national policy'];
  return `${zh ? hz : he} — ${derivedStep(basis, facts, place, placeRegion, lang)}`;
}

/** The filing that best shows a company filed: one with a number, then one with a date. */
const filingOrder = (model: EntityRow) => (model.filingNumber ? 0 : 2) + (model.filingDate ? 0 : 1);

/** 1 / ln(e + n): a subject many models share, or a long climb, says less. */
const specific = (n: number) => 1 / Math.log(Math.E + Math.max(0, n));

/**
 * A match before its words: rule, basis and specificity decide which match of a rule and basis
 * is shown, so the evidence and the reasons (two languages) are built for that one only (a
 * company with 40 models in one city has 40 equal FILED_IN matches per policy there).
 */
interface Draft {
  rule: ApplicabilityRule;
  basis: ApplicabilityBasis | null;
  region: EntityRow | null;
  specificity: number;
  build: () => Pick<PolicyMatchRow, 'evidence' | 'reason' | 'reasonEn'>;
}

/** Each policy's scoped chains and subject paths, read once per company instead of once per policy. */
interface ByPolicy {
  scoped: Map<string, CompanyFacts['scoped']>;
  subjects: Map<string, CompanyFacts['subjects']>;
}

function byPolicy(facts: CompanyFacts): ByPolicy {
  const group = <T>(items: T[], policyOf: (item: T) => EntityRow) => {
    const out = new Map<string, T[]>();
    for (const item of items) {
      const p = policyOf(item);
      if (p.__label !== 'Policy') continue;
      const list = out.get(p.key);
      if (list) list.push(item);
      else out.set(p.key, [item]);
    }
    return out;
  };
  return { scoped: group(facts.scoped, (s) => lastNode(s.chain)), subjects: group(facts.subjects, (s) => s.policy) };
}

function jurisdictionMatches(facts: CompanyFacts, index: ByPolicy, policy: EntityRow): Draft[] {
  const out: Draft[] = [];
  for (const s of index.scoped.get(policy.key) ?? []) {
    const place = facts.places[s.place];
    if (!place) continue;
    const national = s.region.kind === 'COUNTRY';
    const joined = place.basis === 'BASED_IN' || place.basis === 'FILED_IN';
    const climb = s.chain.rels.length - 1;
    out.push({
      rule: national ? 'NATIONAL' : 'LOCAL',
      basis: place.basis,
      region: s.region,
      specificity: CONFIDENCE[place.basis] * specific(climb),
      build: () => ({
        evidence: joined ? [asPath(join(place.segment, s.chain))] : [asPath(place.segment), asPath(s.chain)],
        reason: jurisdictionText(place.basis, facts, place.segment, s.chain, s.region, place.region, 'zh'),
        reasonEn: jurisdictionText(place.basis, facts, place.segment, s.chain, s.region, place.region, 'en'),
      }),
    });
  }
  if (!facts.national.some((p) => sameNode(p, policy))) return out;
  const standing: { basis: ApplicabilityBasis; segment: Segment; region: EntityRow | null }[] = [
    ...facts.places
      .filter((p) => p.region.kind === 'CENTRAL_SOE')
      .map((p) => ({ basis: 'CENTRAL_SOE' as const, segment: p.segment, region: p.region })),
    ...[...facts.filings]
      .sort((a, b) => filingOrder(lastNode(a)) - filingOrder(lastNode(b)))
      .map((segment) => ({ basis: 'FILING' as const, segment, region: null })),
    ...facts.types.map((segment) => ({ basis: 'ENTERPRISE_TYPE' as const, segment, region: null })),
  ];
  for (const s of standing) {
    out.push({
      rule: 'NATIONAL',
      basis: s.basis,
      region: null,
      specificity: CONFIDENCE[s.basis],
      build: () => ({
        evidence: [asPath(s.segment)],
        reason: jurisdictionText(s.basis, facts, s.segment, null, null, s.region, 'zh'),
        reasonEn: jurisdictionText(s.basis, facts, s.segment, null, null, s.region, 'en'),
      }),
    });
  }
  return out;
}

function subjectMatches(index: ByPolicy, policy: EntityRow, jurisdiction: boolean): Draft[] {
  return (index.subjects.get(policy.key) ?? [])
    .filter((s) => s.kind === 'NAMED' || jurisdiction || !s.scoped)
    .map((s) => ({
      rule: s.kind,
      basis: null,
      region: null,
      // A relationship the sources state outranks one the project inferred (inferred: true).
      specificity:
        specific(s.degree) *
        specific(s.segment.rels.length - 3) *
        (s.segment.rels.some((r) => r.inferred === true) ? 0.95 : 1),
      build: () => {
        const path = asPath(s.segment);
        return { evidence: [path], reason: reason(path, 'zh'), reasonEn: reason(path, 'en') };
      },
    }));
}

const strength = (m: Pick<PolicyMatchRow, 'rule' | 'specificity'>) => TIER[m.rule] + m.specificity;

/**
 * One match per rule and basis (the strongest; the first of equals), strongest first: a per-rule
 * report of why the policy applies, each with its evidence.
 */
function bestPerRule(drafts: Draft[]): PolicyMatchRow[] {
  const best = new Map<string, Draft>();
  for (const m of drafts) {
    const id = `${m.rule}|${m.basis ?? ''}`;
    const known = best.get(id);
    if (!known || m.specificity > known.specificity) best.set(id, m);
  }
  return [...best.values()]
    .map(({ build, ...m }) => ({ ...m, ...build() }))
    .sort(
      (a, b) =>
        strength(b) - strength(a) ||
        BASIS_ORDER.indexOf(a.basis ?? 'BASED_IN') - BASIS_ORDER.indexOf(b.basis ?? 'BASED_IN') ||
        a.reason.localeCompare(b.reason),
    );
}

/** The policy that a path or pair of paths ends at, for Link.path: the one reaching the policy. */
function mainPath(match: PolicyMatchRow): PathRow {
  return match.evidence[match.evidence.length - 1];
}

/** Every policy that applies to the company, ranked, with every rule that holds and its evidence. */
export function applicablePolicies(facts: CompanyFacts): PolicyLinkRow[] {
  const candidates = new Map<string, EntityRow>();
  for (const p of [
    ...facts.national,
    ...facts.scoped.map((s) => lastNode(s.chain)),
    ...facts.subjects.map((s) => s.policy),
  ])
    candidates.set(p.key, p);
  const index = byPolicy(facts);
  const links: PolicyLinkRow[] = [];
  for (const policy of candidates.values()) {
    const jurisdiction = jurisdictionMatches(facts, index, policy);
    const matches = bestPerRule([...jurisdiction, ...subjectMatches(index, policy, jurisdiction.length > 0)]);
    if (matches.length === 0) continue;
    const best = matches[0];
    const paths = new Map<string, PathRow>();
    for (const m of matches) for (const p of m.evidence) paths.set(pathId(p), p);
    links.push({
      target: policy,
      path: mainPath(best),
      paths: [...paths.values()],
      score: strength(best),
      reason: best.reason,
      reasonEn: best.reasonEn,
      rule: best.rule,
      matches,
    });
  }
  return links.sort((a, b) => b.score - a.score || a.target.key.localeCompare(b.target.key));
}

const pathId = (p: PathRow) =>
  p.nodes.map((n) => `${n.__label}:${n.key}`).join('>') + p.rels.map((r) => r.__type).join(',');
