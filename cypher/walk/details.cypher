// What a finished walk shows, read only for what its answer holds: properties of $nodes (with
// their count of walkable relationships when $degrees, but for the $counted ones, whose count
// the walk's first statement returned: counted on a small node, read from the degree store type
// by type on a big one), and properties of $rels.
// Params: $nodes, $rels, $counted (element ids), $degrees, $props, $types and $hub (walk/degree).
// Returns: { nodes: [{id, node, degree}], rels: [{id, rel}] }
CALL () {
  UNWIND $nodes AS id
  MATCH (n) WHERE elementId(n) = id
  RETURN collect({id: id, node: CASE WHEN $props THEN n {.*, __label: labels(n)[0]} END,
    degree: CASE WHEN $degrees AND NOT id IN $counted THEN {{> walk/degree}} END}) AS nodes
}
CALL () {
  UNWIND $rels AS id
  MATCH ()-[r]->() WHERE elementId(r) = id
  RETURN collect({id: id, rel: r {.*, __type: type(r)}}) AS rels
}
RETURN nodes, rels
