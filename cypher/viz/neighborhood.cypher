// Nodes within {{depth}} hops of a centre (one shortest path per node, nearest first) and the
// relationships among the first $limit of them. Slots: {{label}}, {{depth}}.
// Params: $key, $limit, $asOf and {{> asOf}} (graph/as-of.cypher with a date, graph/any-time.cypher without), $types, $labels (parameters: a client's subset makes no new statement text). Returns: { nodes, edges, totalNodes, totalEdges }
MATCH (a:{{label}} {key: $key})
MATCH p = SHORTEST 1 (a)((x)-[r]-(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND {{> asOf}}){0,{{depth}}}(n)
WITH n, length(p) AS distance ORDER BY distance, n.key
WITH collect({n: n, distance: distance}) AS reached
WITH reached, size(reached) AS totalNodes, [e IN reached[0..toInteger($limit)] | e.n] AS kept, reached[0..toInteger($limit)] AS keptEntries
CALL (reached) {
  UNWIND reached AS e
  WITH collect(e.n) AS all
  UNWIND all AS x
  MATCH (x)-[r]->(y) WHERE type(r) IN $types AND y IN all
  RETURN count(r) AS totalEdges
}
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r]->(y) WHERE type(r) IN $types AND y IN kept
  RETURN collect(r {.*, __type: type(r), __fromLabel: labels(x)[0], __from: x.key,
                    __toLabel: labels(y)[0], __to: y.key}) AS edges
}
UNWIND keptEntries AS e
WITH e.n AS n, e.distance AS distance, edges, totalNodes, totalEdges
RETURN collect(n {.*, __label: labels(n)[0],
                  __degree: COUNT { (n)-[d]-() WHERE type(d) IN $types }, __distance: distance}) AS nodes,
       edges, totalNodes, totalEdges
