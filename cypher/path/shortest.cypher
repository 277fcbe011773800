// The k shortest simple paths between two nodes. Slots: {{fromLabel}}, {{toLabel}}, {{k}},
// {{maxHops}}.
// Params: $from, $to (keys), $types, $labels (what a path may walk: parameters, so a client's
// choice of subset never makes a new statement text). Returns: { nodes, rels, forward } per path, shortest first.
MATCH (a:{{fromLabel}} {key: $from}), (b:{{toLabel}} {key: $to})
MATCH p = SHORTEST {{k}} (a)((x)-[r]-(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND NOT coalesce(y.synthetic, false)){1,{{maxHops}}}(b)
WITH p ORDER BY length(p)
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN [n IN ns | n {.*, __label: [l IN labels(n) WHERE l <> 'Synthetic'][0]}] AS nodes,
       [r IN rs | r {.*, __type: type(r)}] AS rels,
       [i IN range(0, size(rs) - 1) | startNode(rs[i]) = ns[i]] AS forward
