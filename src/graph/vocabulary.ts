/**
 * The graph's vocabulary: every label and relationship type the code may put into a
 * Cypher statement. Anything not listed here never reaches a statement's text.
 */
export const ENTITY_LABELS = [
  'Model',
  'Company',
  'Region',
  'Cluster',
  'Industry',
  'Scenario',
  'Policy',
  'EnterpriseType',
  'Insight',
] as const;
export const LABELS = [...ENTITY_LABELS, 'Source', 'Claim'] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/** A label as the API's EntityLabel enum spells it (ALL_CAPS like every enum: ENTERPRISE_TYPE). */
export const enumName = (label: string): string => label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
/** The API's EntityLabel values, each mapped to the label it stands for inside (resolvers, codegen). */
export const ENTITY_LABEL_ENUM: Record<string, EntityLabel> = Object.fromEntries(
  ENTITY_LABELS.map((label) => [enumName(label), label]),
);

/** Each entity label's colour in every feed and the explorer (a Record: a new label without one fails tsc). */
export const LABEL_COLORS: Record<EntityLabel, string> = {
  Model: '#5470c6',
  Company: '#91cc75',
  Region: '#fac858',
  Cluster: '#ee6666',
  Industry: '#73c0de',
  Scenario: '#3ba272',
  Policy: '#fc8452',
  EnterpriseType: '#9a60b4',
  Insight: '#ea7ccc',
};
export type Label = (typeof LABELS)[number];

/**
 * How a path may walk a relationship type, the one place that says it:
 * - `free`: either way, anywhere in a path;
 * - `containment`: a region within a region, a region in a cluster. Towards a policy a path
 *   only climbs (a company's province to 中国, where a national policy applies: a policy
 *   reaches what lies within its regions); from a policy it only comes down; between other
 *   entities it never climbs and then comes down, which would walk from one province into a
 *   sibling (安徽省 -隶属于-> 中国 <-隶属于- 北京市). And no path passes through another entity
 *   of its start's type (a company does not reach a policy through another company).
 *   `walk: UNRESTRICTED` lifts these rules, and such paths say so (src/path/service.ts).
 */
export type Walk = 'free' | 'containment';

export interface RelTypeInfo {
  from: Label[];
  to: Label[];
  zh: string;
  en: string;
  walk?: Walk;
  /**
   * Membership: the end at which one node holds very many of these (a company develops many
   * models; a region has many filings). The other end holds one or a few per node. A walk
   * expands the `many` end's group only when it is small (cypher/walk/expand-node.cypher).
   */
  many?: 'from' | 'to';
}

export const REL_TYPES = {
  DEVELOPS: { from: ['Company'], to: ['Model'], zh: '开发', en: 'develops', many: 'from' },
  FILED_IN: { from: ['Model'], to: ['Region'], zh: '备案于', en: 'filed in', many: 'to' },
  BASED_IN: { from: ['Company'], to: ['Region'], zh: '位于', en: 'based in', many: 'to' },
  SERVES: { from: ['Model'], to: ['Industry'], zh: '服务于', en: 'serves', many: 'to' },
  APPLIED_IN: { from: ['Model'], to: ['Scenario'], zh: '应用于', en: 'applied in', many: 'to' },
  IN_INDUSTRY: { from: ['Scenario'], to: ['Industry'], zh: '属于行业', en: 'belongs to industry' },
  PART_OF: { from: ['Region', 'Source'], to: ['Cluster', 'Source'], zh: '属于', en: 'part of', walk: 'containment' },
  WITHIN: { from: ['Region'], to: ['Region'], zh: '隶属于', en: 'within', walk: 'containment' },
  FOCUSES_ON: { from: ['Region'], to: ['Industry', 'Scenario'], zh: '侧重', en: 'focuses on' },
  HAS_TYPE: { from: ['Company'], to: ['EnterpriseType'], zh: '性质为', en: 'has type', many: 'to' },
  PROMOTES: { from: ['Policy'], to: ['Industry', 'Model', 'Scenario'], zh: '推动', en: 'promotes' },
  REGULATES: { from: ['Policy'], to: ['Industry', 'Model', 'Scenario'], zh: '规范', en: 'regulates' },
  APPLIES_TO: { from: ['Policy'], to: ['Region'], zh: '适用于', en: 'applies to' },
  EXEMPLIFIES: { from: ['Model'], to: ['Insight', 'EnterpriseType'], zh: '体现', en: 'exemplifies' },
  MENTIONS: {
    from: ['Insight'],
    to: ['Company', 'Industry', 'Scenario', 'Policy', 'Region', 'Model'],
    zh: '涉及',
    en: 'mentions',
  },
  ABOUT: { from: ['Claim'], to: [...ENTITY_LABELS], zh: '关于', en: 'about' },
} as const satisfies Record<string, RelTypeInfo>;
export type RelType = keyof typeof REL_TYPES;

/** The relationship types a path may climb but not climb and then descend (see Walk). */
export const CONTAINMENT_TYPES: readonly RelType[] = (Object.keys(REL_TYPES) as RelType[]).filter(
  (t) => (REL_TYPES[t] as RelTypeInfo).walk === 'containment',
);

/** The relationship types the vocabulary allows between two labels, either way round. */
export function typesBetween(a: string, b: string): RelType[] {
  const joins = (from: string, to: string, info: RelTypeInfo) =>
    (info.from as readonly string[]).includes(from) && (info.to as readonly string[]).includes(to);
  return (Object.keys(REL_TYPES) as RelType[]).filter((t) => {
    const info = REL_TYPES[t] as RelTypeInfo;
    return joins(a, b, info) || joins(b, a, info);
  });
}

export function assertLabel(label: string): Label {
  if (!(LABELS as readonly string[]).includes(label)) throw new Error(`unknown label "${label}"`);
  return label as Label;
}

export function assertRelType(type: string): RelType {
  if (!Object.hasOwn(REL_TYPES, type)) throw new Error(`unknown relationship type "${type}"`);
  return type as RelType;
}

/** Properties that name who changed a thing: served to authenticated readers only. */
export const AUDIT_PROPERTIES: readonly string[] = ['changedBy'];
