import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLInterfaceType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';

export interface CostReport {
  /** Nodes the request may touch: page sizes multiplied down each path, summed (GitHub's rule). */
  cost: number;
  depth: number;
  aliases: number;
  rootFields: number;
  /** Page sizes above the maximum, by field path. */
  oversized: { path: string; argument: string; value: number }[];
}

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

type Args = Record<string, unknown>;

/** How many nodes one evaluation of a field may return, from its arguments. */
export function fieldSize(fieldName: string, type: GraphQLNamedType, args: Args): { size: number; pageArg?: string } {
  const num = (name: string, fallback: number) => (typeof args[name] === 'number' ? (args[name] as number) : fallback);
  if (type.name.endsWith('Connection')) return { size: num('first', DEFAULT_PAGE), pageArg: 'first' };
  switch (fieldName) {
    case 'search':
    case 'unmatchedNames':
      return { size: num('first', DEFAULT_PAGE), pageArg: 'first' };
    case 'links':
    case 'companyPolicies':
      return { size: num('first', DEFAULT_PAGE) * (num('maxHops', 4) + 1), pageArg: 'first' };
    case 'shortestPath':
      return { size: num('maxHops', 4) + 1 };
    case 'shortestPaths':
      return { size: num('k', 3) * (num('maxHops', 4) + 1) };
    case 'neighborhood':
      return { size: num('limit', 100) * num('depth', 1) };
    case 'subgraph':
    case 'nodes':
      return { size: Array.isArray(args.ids) ? args.ids.length : 1 };
    case 'content':
      return { size: num('first', 100) * 3 };
    default:
      return { size: 1 };
  }
}

/** Walks an operation before it runs: cost, depth, aliases, root fields and oversized pages. */
export function analyzeOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): CostReport {
  const report: CostReport = { cost: 0, depth: 0, aliases: 0, rootFields: 0, oversized: [] };
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return report;

  const walk = (set: SelectionSetNode, parent: GraphQLObjectType | GraphQLInterfaceType, multiplier: number, depth: number, path: string, seen: Set<string>) => {
    report.depth = Math.max(report.depth, depth);
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && (isObjectType(type) || isInterfaceType(type))) walk(fragment.selectionSet, type, multiplier, depth, path, new Set([...seen, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && (isObjectType(type) || isInterfaceType(type))) walk(selection.selectionSet, type, multiplier, depth, path, seen);
        continue;
      }
      if (selection.alias) report.aliases += 1;
      if (depth === 1) report.rootFields += 1;
      const name = selection.name.value;
      const field = parent.getFields()[name];
      if (!field) continue;
      const type = getNamedType(field.type);
      let args: Args = {};
      try {
        args = getArgumentValues(field, selection, variables) as Args;
      } catch {
        // Bad arguments are reported by validation and the resolvers, with their own codes.
      }
      const { size, pageArg } = fieldSize(name, type, args);
      const fieldPath = path ? `${path}.${selection.alias?.value ?? name}` : selection.alias?.value ?? name;
      if (pageArg && typeof args[pageArg] === 'number' && (args[pageArg] as number) > MAX_PAGE) {
        report.oversized.push({ path: fieldPath, argument: pageArg, value: args[pageArg] as number });
      }
      const count = multiplier * Math.max(size, 1);
      if (size > 1 || type.name.endsWith('Connection')) report.cost += count;
      if (selection.selectionSet && (isObjectType(type) || isInterfaceType(type))) {
        walk(selection.selectionSet, type, size > 1 || type.name.endsWith('Connection') ? count : multiplier, depth + 1, fieldPath, seen);
      } else if (selection.selectionSet) {
        report.depth = Math.max(report.depth, depth + 1);
      }
    }
  };
  walk(operation.selectionSet, root, 1, 1, '', new Set());
  report.cost = Math.max(report.cost, 1);
  return report;
}
