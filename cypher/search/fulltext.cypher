// Search candidates from both name indexes, one statement: entities whose name keys the
// text's keys hit (entity_name_keys, keyword), and entities whose names share words or
// bigrams with the text (entity_names, cjk). Ranked by the caller (src/search/service.ts).
// Params: $query (Lucene over entity_names, or null), $keys (Lucene over entity_name_keys,
// or null), $labels [label], $limit (per index). Returns: { row, score }
CALL () {
  WITH 1 AS asked WHERE $keys IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_name_keys', $keys, {limit: toInteger($limit)}) YIELD node
  RETURN node, 0.0 AS score
  UNION ALL
  WITH 1 AS asked WHERE $query IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: toInteger($limit)}) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
WITH node, score, [l IN labels(node) WHERE l IN $labels][0] AS label
WHERE label IS NOT NULL
RETURN node {.*, __label: label} AS row, score
