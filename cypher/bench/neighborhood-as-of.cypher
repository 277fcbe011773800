// Bench floor: the depth-2 neighbourhood of a region as it stood on a date: models filed,
// policies issued and companies with a filing by $asOf (undated things always there), the
// nearest 100 nodes with their distance and degree, the relationships among them, and the
// totals. Params: $key, $asOf.
MATCH (a:Region {key: $key})
MATCH p = SHORTEST 1 (a)((x)-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-(y:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight) WHERE (NOT y:Model OR y.filingDate IS NULL OR y.filingDate <= $asOf)
  AND (NOT y:Policy OR y.issuedOn IS NULL OR y.issuedOn <= $asOf)
  AND (NOT y:Company OR NOT EXISTS { (y)-[:DEVELOPS]->(f:Model) WHERE f.filingDate IS NOT NULL }
       OR EXISTS { (y)-[:DEVELOPS]->(f:Model) WHERE f.filingDate <= $asOf })){0,2}(n)
WITH n, length(p) AS distance ORDER BY distance, n.key
WITH collect({n: n, distance: distance}) AS reached
WITH reached, [e IN reached[0..100] | e.n] AS kept
CALL (reached) {
  WITH [e IN reached | e.n] AS all
  UNWIND all AS x
  MATCH (x)-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]->(y) WHERE y IN all
  RETURN count(r) AS totalEdges
}
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]->(y) WHERE y IN kept
  RETURN collect(r {.*, type: type(r), from: x.key, to: y.key}) AS edges
}
UNWIND reached[0..100] AS e
WITH e.n AS n, e.distance AS distance, edges, size(reached) AS totalNodes, totalEdges
RETURN collect(n {.*, degree: COUNT { (n)-[:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-() }, distance: distance}) AS nodes, edges, totalNodes, totalEdges
