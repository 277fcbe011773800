// What one source states: entities, relationships and claims citing it, at most $first of each.
// Params: $key, $first. Returns: { entities, relationships, claims }
CALL () {
  MATCH (n) WHERE $key IN n.sourceKeys AND NOT n:Claim AND NOT n:Source
  WITH n ORDER BY n.key LIMIT toInteger($first)
  RETURN collect(n {.*, __label: labels(n)[0]}) AS entities
}
CALL () {
  MATCH (a)-[r]->(b) WHERE $key IN r.sourceKeys AND type(r) <> 'ABOUT'
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
