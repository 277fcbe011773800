// The k shortest simple paths between two nodes. Slots: {{fromLabel}}, {{toLabel}}, {{k}},
// {{maxHops}}.
// Params: $from, $to (keys), $asOf and {{> asOf}} (the graph as of a date: graph/as-of.cypher; graph/any-time.cypher without one), $types, $labels (what a path may walk: parameters, so a client's
// choice of subset never makes a new statement text), $containment (relationship types that
// place one region within another; [] walks freely) and $climb, how they may be walked from
// start to end: 'UP' (only to wider regions: towards a policy, which reaches what is within
// its regions), 'DOWN' (only into narrower ones: from a policy), 'NO_PEAK' (never up and then
// down into a sibling). The rules live in src/graph/vocabulary.ts (Walk).
// $peerLabel (a label the path may not pass through: the start's own, so no company reaches a
// policy through another company; null walks freely).
// The rule is a predicate of the path pattern itself, so SHORTEST selects among the paths
// that keep it (a WHERE after the pattern would filter the shortest ones afterwards).
// Returns: { nodes, rels, forward } per path, shortest first.
MATCH (a:{{fromLabel}} {key: $from}), (b:{{toLabel}} {key: $to})
MATCH p = SHORTEST {{k}} (
  (a)((x)-[r]-(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND {{> asOf}}){1,{{maxHops}}}(b)
  WHERE all(i IN range(0, size(r) - 1) WHERE NOT type(r[i]) IN $containment
    OR ($climb = 'UP' AND startNode(r[i]) = x[i])
    OR ($climb = 'DOWN' AND endNode(r[i]) = x[i])
    OR ($climb = 'NO_PEAK' AND NOT (startNode(r[i]) = x[i]
      AND any(j IN range(i + 1, size(r) - 1) WHERE type(r[j]) IN $containment AND endNode(r[j]) = x[j]))))
    AND ($peerLabel IS NULL OR none(n IN y[..-1] WHERE $peerLabel IN labels(n)))
)
WITH p ORDER BY length(p)
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN [n IN ns | n {.*, __label: labels(n)[0]}] AS nodes,
       [r IN rs | r {.*, __type: type(r)}] AS rels,
       [i IN range(0, size(rs) - 1) | startNode(rs[i]) = ns[i]] AS forward
