// Entities of one label within reach, each with its {{k}} shortest paths, for ranking by how
// specific the nodes they pass through are (src/path/rank.ts).
// Slots: {{fromLabel}}, {{targetLabel}}, {{maxHops}}, {{k}}.
// Params: $from (key), $asOf and {{> asOf}} (graph/as-of.cypher with a date, graph/any-time.cypher without), $types, $labels (what a path may walk: parameters, so a client's choice
// of subset never makes a new statement text), $containment, $climb and $peerLabel (see path/shortest.cypher),
// $maxPaths (a bound on rows). Returns per path: { target, nodes, rels, forward, degrees },
// degrees being each node's count of walkable relationships.
MATCH (a:{{fromLabel}} {key: $from})
MATCH p = SHORTEST {{k}} (
  (a)((x)-[r]-(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND {{> asOf}}){1,{{maxHops}}}(b:{{targetLabel}})
  WHERE b <> a AND all(i IN range(0, size(r) - 1) WHERE NOT type(r[i]) IN $containment
    OR ($climb = 'UP' AND startNode(r[i]) = x[i])
    OR ($climb = 'DOWN' AND endNode(r[i]) = x[i])
    OR ($climb = 'NO_PEAK' AND NOT (startNode(r[i]) = x[i]
      AND any(j IN range(i + 1, size(r) - 1) WHERE type(r[j]) IN $containment AND endNode(r[j]) = x[j]))))
    AND ($peerLabel IS NULL OR none(n IN y[..-1] WHERE $peerLabel IN labels(n)))
)
WITH p, b ORDER BY length(p), b.key
LIMIT toInteger($maxPaths)
WITH b, nodes(p) AS ns, relationships(p) AS rs
RETURN b.key AS target,
       [n IN ns | n {.*, __label: labels(n)[0]}] AS nodes,
       [r IN rs | r {.*, __type: type(r)}] AS rels,
       [i IN range(0, size(rs) - 1) | startNode(rs[i]) = ns[i]] AS forward,
       [n IN ns | COUNT { (n)-[q]-() WHERE type(q) IN $types }] AS degrees
