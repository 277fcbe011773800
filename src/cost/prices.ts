import { type GraphQLField, type GraphQLNamedType, getNamedType, isListType, isNonNullType } from 'graphql';
import { LAYOUT_WEIGHT, POLICY_RULES_WEIGHT, TRAVERSAL_WEIGHTS } from './weights';

type Args = Record<string, unknown>;

/** What one evaluation of a field costs: the items it may return, and each item's database work. */
export interface Priced {
  size: number;
  /** The argument that sets the page size, checked against the maximum page. */
  pageArg?: 'first' | 'last';
  /** Database work per item, relative to one item of a list page (1); src/cost/weights.ts. */
  weight?: number;
}

/**
 * A field's price, declared once. `bounded` says why a list is priced as one item: its size is
 * held by the data, not by the caller (a property's strings, an entity's few sources), or its
 * items were already priced by the field above (a path's nodes, a connection's edges).
 */
type PriceFn = (args: Args, type: GraphQLNamedType) => Priced;
export type Price = PriceFn | { bounded: string };

export const DEFAULT_PAGE = 20;

const num = (args: Args, name: string, fallback: number) =>
  typeof args[name] === 'number' ? (args[name] as number) : fallback;
const page =
  (weight?: number): PriceFn =>
  (args) => ({ size: num(args, 'first', DEFAULT_PAGE), pageArg: 'first', weight });
/** Up to `first` results, each a path of up to maxHops + 1 nodes. */
const walked =
  (weight: number): PriceFn =>
  (args) => ({ size: num(args, 'first', DEFAULT_PAGE) * (num(args, 'maxHops', 4) + 1), pageArg: 'first', weight });

const PROPERTY = { bounded: 'a property of the node: read with it, no further database work' };
const FEW = { bounded: 'a few per item (under 10 in the report and the lists), read by one batched loader' };
const PRICED_ABOVE = { bounded: 'its items are the ones the field above it was priced for' };

/**
 * Every field that returns a list, a connection or a sized result, by `Type.field` (an
 * interface's entry holds for every type that implements it). A connection is priced by its
 * page (`first` or `last`, 20 by default) wherever it appears, so connections need no entry.
 * tests/unit/cost.test.ts walks the schema and fails for any such field missing here, so a
 * new traversal cannot ship priced at one item.
 */
export const PRICES: Readonly<Record<string, Price>> = {
  'Query.search': page(),
  'Query.resolveName': (args) => ({ size: num(args, 'first', 5) }),
  'NameResolution.candidates': PRICED_ABOVE,
  'Query.unmatchedNames': page(),
  'Query.links': walked(TRAVERSAL_WEIGHTS.links),
  // By rule, a company's policies are one batched read of its own facts; UNRESTRICTED also walks.
  'Query.companyPolicies': (args, type) =>
    args.walk === 'UNRESTRICTED'
      ? walked(TRAVERSAL_WEIGHTS.companyPolicies)(args, type)
      : page(POLICY_RULES_WEIGHT)(args, type),
  'Company.policies': page(POLICY_RULES_WEIGHT),
  'Query.shortestPath': (args) => ({ size: num(args, 'maxHops', 4) + 1, weight: TRAVERSAL_WEIGHTS.shortestPath }),
  'Query.shortestPaths': (args) => ({
    size: num(args, 'k', 3) * (num(args, 'maxHops', 4) + 1),
    weight: TRAVERSAL_WEIGHTS.shortestPaths,
  }),
  'Query.neighborhood': (args) => ({
    size: num(args, 'limit', 100) * num(args, 'depth', 1),
    weight: TRAVERSAL_WEIGHTS.neighborhood,
  }),
  'Query.subgraph': (args) => ({ size: Array.isArray(args.ids) ? args.ids.length : 1 }),
  'Query.nodes': (args) => ({ size: Array.isArray(args.ids) ? args.ids.length : 1 }),
  // Federation: one entity per representation the router sends (src/graphql/federation.ts).
  'Query._entities': (args) => ({ size: Array.isArray(args.representations) ? args.representations.length : 1 }),
  // Three lists of up to `first` entities, and the counts by region and industry.
  'Query.changes': (args) => ({ size: num(args, 'first', DEFAULT_PAGE) * 3, pageArg: 'first' }),
  // Entities, relationships and claims, up to `first` of each.
  'Source.content': (args) => ({ size: num(args, 'first', 100) * 3 }),
  // A node's position (y comes with it): the feed's layout, about a millisecond a node.
  'GraphNode.x': () => ({ size: 1, weight: LAYOUT_WEIGHT }),
  'Query.conflicts': {
    bounded: 'the checks over the report (about 30), computed once per graph version and cached',
  },
  'Query.relationshipsBetween': { bounded: 'the relationships the report states between two entities (a few)' },
  'Query.sources': { bounded: 'the report and the filing lists (about 10 sources), one read' },
  'Query.filingTimeline': { bounded: 'the announced totals (about 10 claims), one read' },
  'Entity.aliases': PROPERTY,
  'Entity.sources': FEW,
  'Entity.claims': FEW,
  'Relationship.sources': FEW,
  'PathStep.sources': FEW,
  'StatedRelationship.sources': FEW,
  'EnterpriseType.typicalCases': PROPERTY,
  'Industry.technicalFeatures': PROPERTY,
  'Scenario.typicalApplications': PROPERTY,
  'Source.sections': { bounded: "the report's sections (about 12), one batched read" },
  'Claim.about': FEW,
  'Conflict.subjects': FEW,
  'Conflict.claims': FEW,
  'UnmatchedName.candidates': FEW,
  'ImportResult.errors': { bounded: 'an import reports at most 1,000 problems, no database read' },
  'ImportResult.warnings': { bounded: 'an import reports at most 1,000 problems, no database read' },
  'Path.nodes': PRICED_ABOVE,
  'Path.steps': PRICED_ABOVE,
  'Link.paths': PRICED_ABOVE,
  'Link.matches': PRICED_ABOVE,
  'PolicyMatch.evidence': PRICED_ABOVE,
  'SourceContent.entities': PRICED_ABOVE,
  'SourceContent.relationships': PRICED_ABOVE,
  'SourceContent.claims': PRICED_ABOVE,
  'CategoryStat.stated': FEW,
  'Breakdown.rows': { bounded: 'one row per category (at most the 34 province-level regions), one read' },
  'Changes.filings': PRICED_ABOVE,
  'Changes.companies': PRICED_ABOVE,
  'Changes.policies': PRICED_ABOVE,
  'Changes.byRegion': PRICED_ABOVE,
  'Changes.byIndustry': PRICED_ABOVE,
  'GraphFeed.nodes': PRICED_ABOVE,
  'GraphFeed.edges': PRICED_ABOVE,
  'GraphFeed.categories': { bounded: 'one per entity label (9)' },
};

const isConnection = (type: GraphQLNamedType) => type.name.endsWith('Connection');

/** The entry for a field of `parent` (its own, else one of an interface it implements). */
export function priceOf(
  parent: { name: string; getInterfaces?: () => readonly { name: string }[] },
  field: string,
): Price | undefined {
  // A connection's page: its nodes and edges are the items the connection was priced for.
  if (parent.name.endsWith('Connection') && (field === 'nodes' || field === 'edges')) return PRICED_ABOVE;
  const own = PRICES[`${parent.name}.${field}`];
  if (own) return own;
  for (const i of parent.getInterfaces?.() ?? []) {
    const inherited = PRICES[`${i.name}.${field}`];
    if (inherited) return inherited;
  }
  return undefined;
}

/** How many nodes one evaluation of a field may return, and what each costs. */
export function fieldSize(
  parent: { name: string; getInterfaces?: () => readonly { name: string }[] },
  fieldName: string,
  type: GraphQLNamedType,
  args: Args,
): Priced {
  if (isConnection(type))
    return typeof args.last === 'number'
      ? { size: args.last as number, pageArg: 'last' }
      : { size: num(args, 'first', DEFAULT_PAGE), pageArg: 'first' };
  const price = priceOf(parent, fieldName);
  return typeof price === 'function' ? price(args, type) : { size: 1 };
}

/** The weight of a priced traversal's items, for routes outside GraphQL that run the same work. */
export const weightOf = (key: string): number => {
  const price = PRICES[key];
  return typeof price === 'function' ? (price({}, { name: '' } as GraphQLNamedType).weight ?? 1) : 1;
};

const SIZED_ARGS = new Set(['first', 'last', 'limit', 'depth', 'k', 'maxHops', 'ids']);
const isList = (t: GraphQLField<unknown, unknown>['type']): boolean =>
  isNonNullType(t) ? isList(t.ofType) : isListType(t);

/** Whether a field needs an entry in PRICES: it returns a list, or takes an argument that sizes its result. */
export function needsPrice(field: GraphQLField<unknown, unknown>): boolean {
  if (isConnection(getNamedType(field.type))) return false;
  return isList(field.type) || field.args.some((a) => SIZED_ARGS.has(a.name));
}
