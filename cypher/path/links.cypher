// Entities of one label within reach, each with its shortest path, nearest first.
// Slots: {{fromLabel}}, {{targetLabel}}, {{maxHops}}.
// Params: $from (key), $first, $types, $labels (what a path may walk: parameters, so a client's
// choice of subset never makes a new statement text). Returns: { nodes, rels, forward }
MATCH (a:{{fromLabel}} {key: $from})
MATCH p = SHORTEST 1 (a)((x)-[r]-(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND NOT coalesce(y.synthetic, false)){1,{{maxHops}}}(b:{{targetLabel}})
WHERE b <> a
WITH p, b ORDER BY length(p), b.key
LIMIT toInteger($first)
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN [n IN ns | n {.*, __label: [l IN labels(n) WHERE l <> 'Synthetic'][0]}] AS nodes,
       [r IN rs | r {.*, __type: type(r)}] AS rels,
       [i IN range(0, size(rs) - 1) | startNode(rs[i]) = ns[i]] AS forward
