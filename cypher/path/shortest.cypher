// The k shortest simple paths between two nodes. Slots: {{fromLabel}}, {{toLabel}}, {{k}},
// {{types}} (relationship types joined by |), {{labels}} (node labels joined by |), {{maxHops}}.
// Params: $from, $to (keys). Returns: { nodes, rels, forward } per path, shortest first.
MATCH (a:{{fromLabel}} {key: $from}), (b:{{toLabel}} {key: $to})
MATCH p = SHORTEST {{k}} (a)((x)-[r:{{types}}]-(y:{{labels}}) WHERE NOT coalesce(y.synthetic, false)){1,{{maxHops}}}(b)
WITH p ORDER BY length(p)
WITH nodes(p) AS ns, relationships(p) AS rs
RETURN [n IN ns | n {.*, __label: [l IN labels(n) WHERE l <> 'Synthetic'][0]}] AS nodes,
       [r IN rs | r {.*, __type: type(r)}] AS rels,
       [i IN range(0, size(rs) - 1) | startNode(rs[i]) = ns[i]] AS forward
