// Relationships between two entities, either direction. Params: $a {label, key}, $b {label, key},
// $types (those the vocabulary allows between the two labels: graph/vocabulary.ts typesBetween).
// Both ends are found by key (graph/entity-at); then each type is read with both ends bound and
// its type static, so Neo4j reads that type's relationships at the end with fewer of them (an
// expand-into; untyped, it read the whole of the smaller end, 65,000 relationships between
// 北京市 and 民营企业 at 1000x; with both ends unlabelled it read every node, 3.3 million db hits).
// Returns: { type, properties, from, to }
WITH $a.label AS label, $a.key AS key
{{> graph/entity-at}}
WITH n AS a, $b.label AS label, $b.key AS key
{{> graph/entity-at}}
WITH a, n AS b
CALL (a, b) {
  WITH a, b WHERE 'DEVELOPS' IN $types MATCH (a)-[r:DEVELOPS]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'FILED_IN' IN $types MATCH (a)-[r:FILED_IN]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'BASED_IN' IN $types MATCH (a)-[r:BASED_IN]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'SERVES' IN $types MATCH (a)-[r:SERVES]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'APPLIED_IN' IN $types MATCH (a)-[r:APPLIED_IN]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'IN_INDUSTRY' IN $types MATCH (a)-[r:IN_INDUSTRY]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'PART_OF' IN $types MATCH (a)-[r:PART_OF]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'WITHIN' IN $types MATCH (a)-[r:WITHIN]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'FOCUSES_ON' IN $types MATCH (a)-[r:FOCUSES_ON]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'HAS_TYPE' IN $types MATCH (a)-[r:HAS_TYPE]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'PROMOTES' IN $types MATCH (a)-[r:PROMOTES]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'REGULATES' IN $types MATCH (a)-[r:REGULATES]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'APPLIES_TO' IN $types MATCH (a)-[r:APPLIES_TO]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'EXEMPLIFIES' IN $types MATCH (a)-[r:EXEMPLIFIES]-(b) RETURN r
  UNION ALL
  WITH a, b WHERE 'MENTIONS' IN $types MATCH (a)-[r:MENTIONS]-(b) RETURN r
}
WITH DISTINCT r
WITH r, startNode(r) AS x, endNode(r) AS y
RETURN type(r) AS type, properties(r) AS properties,
       x {.*, __label: labels(x)[0]} AS from,
       y {.*, __label: labels(y)[0]} AS to
ORDER BY type
