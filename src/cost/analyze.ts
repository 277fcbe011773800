import {
  type FragmentDefinitionNode,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLUnionType,
  getNamedType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { MAX_PAGE } from '../entity/paging';
import { fieldSize } from './prices';
import { SCAN_WEIGHT } from './weights';

export interface CostReport {
  /** Nodes the request may touch: page sizes multiplied down each path, summed (GitHub's rule), each field's items weighted by their measured database work (src/cost/prices.ts). */
  cost: number;
  depth: number;
  aliases: number;
  rootFields: number;
  /** Page sizes above the maximum, by field path. */
  oversized: { path: string; argument: string; value: number }[];
  /** Selections the analysis visited: bounded by the document's size, whatever it expands to. */
  walked: number;
}

type Args = Record<string, unknown>;

/**
 * The price of the scans a list's filters make: a substring match of names reads every name of
 * the type (no index serves it), and a count with a date range counts each candidate rather
 * than reading the count store. SCAN_WEIGHT each.
 */
function scanPrice(args: Args, selections: SelectionSetNode | undefined): number {
  const where = (args.where ?? {}) as Record<string, unknown>;
  let price = 0;
  if (typeof where.nameContains === 'string' && where.nameContains.trim() !== '') price += SCAN_WEIGHT;
  const dated = ['filedFrom', 'filedTo', 'issuedFrom', 'issuedTo'].some((k) => where[k] != null);
  const counts = selections?.selections.some((f) => f.kind === Kind.FIELD && f.name.value === 'totalCount') ?? false;
  if (dated && counts) price += SCAN_WEIGHT;
  return price;
}

/** What one selection set costs, relative to one evaluation of its parent. */
interface Summary {
  cost: number;
  depth: number;
  aliases: number;
  /** Fields at this level, through fragments: the root fields when this is the operation. */
  fields: number;
  oversized: CostReport['oversized'];
}

const EMPTY: Summary = { cost: 0, depth: 0, aliases: 0, fields: 0, oversized: [] };

/**
 * Walks an operation before it runs: cost, depth, aliases, root fields and oversized pages.
 * Linear in the document: each fragment is summarised once and reused wherever it is spread
 * (its cost scales with the page sizes above it), so a document whose fragments spread each
 * other twice per level costs one walk per fragment, not 2^levels.
 */
export function analyzeOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): CostReport {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return { cost: 1, depth: 0, aliases: 0, rootFields: 0, oversized: [], walked: 0 };
  const memo = new Map<string, Summary>();
  let walked = 0;
  const inProgress = new Set<string>();

  const fragmentSummary = (name: string): Summary => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments[name];
    // A missing or cyclic fragment is a validation error, reported by graphql-js with its own code.
    if (!fragment || inProgress.has(name)) return EMPTY;
    const type = schema.getType(fragment.typeCondition.name.value);
    if (!type || !(isObjectType(type) || isInterfaceType(type) || isUnionType(type))) return EMPTY;
    inProgress.add(name);
    const summary = walk(fragment.selectionSet, type, `...${name}`);
    inProgress.delete(name);
    memo.set(name, summary);
    return summary;
  };

  // A union (federation's _Entity) has no fields of its own: only __typename and the fragments on its members.
  type Parent = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType;
  const walk = (set: SelectionSetNode, parent: Parent, path: string): Summary => {
    const out: Summary = { cost: 0, depth: 1, aliases: 0, fields: 0, oversized: [] };
    const merge = (inner: Summary) => {
      out.cost += inner.cost;
      out.depth = Math.max(out.depth, inner.depth);
      out.aliases += inner.aliases;
      out.fields += inner.fields;
      if (out.oversized.length < 10) out.oversized.push(...inner.oversized.slice(0, 10 - out.oversized.length));
    };
    for (const selection of set.selections) {
      walked += 1;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        merge(fragmentSummary(selection.name.value));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && (isObjectType(type) || isInterfaceType(type) || isUnionType(type)))
          merge(walk(selection.selectionSet, type, path));
        continue;
      }
      out.fields += 1;
      if (selection.alias) out.aliases += 1;
      const name = selection.name.value;
      const field = isUnionType(parent) ? undefined : parent.getFields()[name];
      if (!field || isUnionType(parent)) continue;
      const type = getNamedType(field.type);
      let args: Args = {};
      try {
        args = getArgumentValues(field, selection, variables) as Args;
      } catch {
        // Bad arguments are reported by validation and the resolvers, with their own codes.
      }
      const { size, pageArg, weight } = fieldSize(parent, name, type, args);
      const fieldPath = path ? `${path}.${selection.alias?.value ?? name}` : (selection.alias?.value ?? name);
      const big = pageArg && typeof args[pageArg] === 'number' && (args[pageArg] as number) > MAX_PAGE;
      // At most ten are reported: a document of a thousand oversized pages makes no thousand-entry error.
      if (big && out.oversized.length < 10) {
        out.oversized.push({ path: fieldPath, argument: pageArg, value: args[pageArg] as number });
      }
      const fanout = size > 1 || type.name.endsWith('Connection') ? Math.max(size, 1) : 1;
      // A filter no index serves reads every candidate, whatever the page size (regression: 20
      // substring searches with their counts were priced 2,000 and ran 6.6 s at 1000x).
      if (type.name.endsWith('Connection')) out.cost += scanPrice(args, selection.selectionSet);
      // The field's own price: the items it returns, each weighted by the database work it takes.
      if (fanout > 1 || type.name.endsWith('Connection')) out.cost += fanout * (weight ?? 1);
      else if (weight !== undefined) out.cost += weight;
      if (!selection.selectionSet) continue;
      if (isObjectType(type) || isInterfaceType(type) || isUnionType(type)) {
        const inner = walk(selection.selectionSet, type, fieldPath);
        out.cost += fanout * inner.cost;
        out.depth = Math.max(out.depth, 1 + inner.depth);
        out.aliases += inner.aliases;
        if (out.oversized.length < 10) out.oversized.push(...inner.oversized.slice(0, 10 - out.oversized.length));
      } else {
        out.depth = Math.max(out.depth, 2);
      }
    }
    return out;
  };

  const summary = walk(operation.selectionSet, root, '');
  return {
    cost: Math.max(summary.cost, 1),
    depth: summary.depth,
    aliases: summary.aliases,
    rootFields: summary.fields,
    oversized: summary.oversized,
    walked,
  };
}
