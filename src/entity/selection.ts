import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The fields a query selects under the current field, as dotted paths ('nodes.degree',
 * 'totalEdges'), through fragments and inline fragments, so a resolver computes only what
 * will be served. Directives (@skip, @include) are not evaluated: a field they may drop
 * counts as selected, which only costs work, never an answer.
 */
export function selectedPaths(info: GraphQLResolveInfo, depth = 2): Set<string> {
  const out = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, prefix: string, level: number) => {
    if (!set || level > depth) return;
    for (const s of set.selections) {
      if (s.kind === 'Field') {
        const path = prefix + s.name.value;
        out.add(path);
        visit(s.selectionSet, `${path}.`, level + 1);
      } else if (s.kind === 'InlineFragment') visit(s.selectionSet, prefix, level);
      else visit(info.fragments[s.name.value]?.selectionSet, prefix, level);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, '', 1);
  return out;
}
