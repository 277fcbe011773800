// Entities and relationships that no source states. Params: none. Returns: { nodes, rels }
CALL () {
  MATCH (n) WHERE NOT n:Migration AND NOT n:GraphVersion AND NOT n:Source AND size(coalesce(n.sourceKeys, [])) = 0
  RETURN count(n) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b) WHERE NOT (a:Source AND b:Source) AND size(coalesce(r.sourceKeys, [])) = 0
  RETURN count(r) AS rels
}
RETURN nodes, rels
