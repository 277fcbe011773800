// What a finished walk shows, read only for what its answer holds: properties of $nodes (with
// their count of walkable relationships when $degrees: counted on a small node, read from the
// degree store type by type on a big one), properties of $rels, and the relationships from the nodes of $closing (a
// neighbourhood's outermost ring, never expanded) to any node of $among.
// Params: $nodes, $rels, $closing, $among (element ids), $degrees, $props, and those of walk/expand-node.
// Returns: { nodes: [{id, node, degree}], rels: [{id, rel}], closing: [{from, rel, to, type, forward, label, key}] }
CALL () {
  UNWIND $nodes AS id
  MATCH (n) WHERE elementId(n) = id
  RETURN collect({id: id, node: CASE WHEN $props THEN n {.*, __label: labels(n)[0]} END,
    degree: CASE WHEN $degrees THEN {{> walk/degree}} END}) AS nodes
}
CALL () {
  UNWIND $rels AS id
  MATCH ()-[r]->() WHERE elementId(r) = id
  RETURN collect({id: id, rel: r {.*, __type: type(r)}}) AS rels
}
CALL () {
  UNWIND $closing AS id
  MATCH (x) WHERE elementId(x) = id
  WITH x, false AS sampled
  {{> walk/expand-node}}
  WITH x, r, y, forward WHERE elementId(y) IN $among
  RETURN collect({from: elementId(x), rel: elementId(r), to: elementId(y), type: type(r), forward: forward,
                  label: labels(y)[0], key: y.key}) AS closing
}
RETURN nodes, rels, closing
