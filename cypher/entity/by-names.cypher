// Nodes of one label by a typed name: by exact name (indexed); else by the name's keys
// (src/graph/names.ts), strictest first, through the entity_name_keys index. Every node the
// first matching step finds is returned (up to 6), so an ambiguous name is said, not guessed.
// Slots: {{label}}. Params: $lookups [{name, queries: [string]}] (queries: Lucene phrases of the keys).
// Returns: { name, rows: [row] }
UNWIND $lookups AS l
OPTIONAL MATCH (a:{{label}} {name: l.name})
WITH l, collect(DISTINCT a) AS exact
OPTIONAL CALL (l, exact) {
  WITH l, exact WHERE size(exact) = 0
  UNWIND range(0, size(l.queries) - 1) AS i
  CALL db.index.fulltext.queryNodes('entity_name_keys', l.queries[i]) YIELD node
  WITH i, node WHERE node:{{label}}
  WITH i, collect(DISTINCT node) AS nodes
  ORDER BY i
  LIMIT 1
  RETURN nodes AS byKey
}
WITH l, CASE WHEN size(exact) > 0 THEN exact ELSE coalesce(byKey, []) END AS found
UNWIND (CASE WHEN size(found) = 0 THEN [null] ELSE found END) AS n
WITH l, n ORDER BY n.key
WITH l, collect(n)[0..6] AS found
RETURN l.name AS name, [n IN found | n {.*, __label: '{{label}}'}] AS rows
