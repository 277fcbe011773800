// Full-text search over entity names and aliases (cjk analyzer). Params: $query (escaped
// Lucene query), $labels [label], $first. Returns: { row, score }
CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($first) * 4}) YIELD node, score
WITH node, score, [l IN labels(node) WHERE l IN $labels][0] AS label
WHERE label IS NOT NULL
RETURN node {.*, __label: label} AS row, score
ORDER BY score DESC, node.key
LIMIT toInteger($first)
