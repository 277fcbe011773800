import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

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
    fieldsOf(info, set, (f) => {
      const path = prefix + f.name.value;
      out.add(path);
      visit(f.selectionSet, `${path}.`, level + 1);
    });
  };
  for (const node of info.fieldNodes) visit(node.selectionSet, '', 1);
  return out;
}

/** The fields of a selection set, through fragments and inline fragments (directives not evaluated, as above). */
export function fieldsOf(
  info: GraphQLResolveInfo,
  set: SelectionSetNode | undefined,
  into: (f: FieldNode) => void,
): void {
  for (const s of set?.selections ?? []) {
    if (s.kind === 'Field') into(s);
    else if (s.kind === 'InlineFragment') fieldsOf(info, s.selectionSet, into);
    else fieldsOf(info, info.fragments[s.name.value]?.selectionSet, into);
  }
}

/**
 * What a connection's selection asks of its edges: the fields selected on its nodes (through
 * nodes and edges.node), and whether an edge's relationship is selected.
 */
export function connectionSelection(
  info: GraphQLResolveInfo,
  sets: readonly (SelectionSetNode | undefined)[],
): { nodeFields: FieldNode[]; relationship: boolean } {
  const nodeFields: FieldNode[] = [];
  let relationship = false;
  for (const set of sets)
    fieldsOf(info, set, (f) => {
      if (f.name.value === 'nodes') fieldsOf(info, f.selectionSet, (n) => nodeFields.push(n));
      else if (f.name.value === 'edges')
        fieldsOf(info, f.selectionSet, (e) => {
          if (e.name.value === 'node') fieldsOf(info, e.selectionSet, (n) => nodeFields.push(n));
          else if (e.name.value === 'relationship') relationship = true;
        });
    });
  return { nodeFields, relationship };
}
