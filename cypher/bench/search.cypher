// Bench floor: fulltext search. Params: $text. Returns: { key, name, score }
CALL db.index.fulltext.queryNodes('entity_names', $text, {limit: 40}) YIELD node, score
RETURN node.key AS key, node.name AS name, score ORDER BY score DESC LIMIT 10
