// Bench floor: fulltext search, real entities only. Params: $text. Returns: { key, name, score }
CALL db.index.fulltext.queryNodes('entity_names', $text, {limit: 40}) YIELD node, score
WHERE NOT coalesce(node.synthetic, false)
RETURN node.key AS key, node.name AS name, score ORDER BY score DESC LIMIT 10
