// What one source states: entities, relationships and claims citing it, at most $first of each.
// Entities and relationships are found through their sourceKeys indexes (migration 008; a scan of
// every node and relationship took 1.1-1.5 s at 1000x), then held to the key itself.
// Params: $key, $query (the key as a Lucene phrase), $first. Returns: { entities, relationships, claims }
CALL () {
  CALL db.index.fulltext.queryNodes('entity_source_keys', $query) YIELD node AS n
  WITH n WHERE $key IN n.sourceKeys
  WITH n ORDER BY n.key LIMIT toInteger($first)
  RETURN collect(n {.*, __label: labels(n)[0]}) AS entities
}
CALL () {
  CALL db.index.fulltext.queryRelationships('relationship_source_keys', $query) YIELD relationship AS r
  WITH startNode(r) AS a, r, endNode(r) AS b WHERE $key IN r.sourceKeys
  WITH a, r, b ORDER BY type(r), a.key, b.key LIMIT toInteger($first)
  RETURN collect({type: type(r), properties: properties(r),
                  from: a {.*, __label: labels(a)[0]},
                  to: b {.*, __label: labels(b)[0]}}) AS relationships
}
CALL () {
  MATCH (c:Claim) WHERE c.sourceKey = $key
  WITH c ORDER BY c.metric, c.key LIMIT toInteger($first)
  RETURN collect(c {.*, __label: 'Claim'}) AS claims
}
RETURN entities, relationships, claims
