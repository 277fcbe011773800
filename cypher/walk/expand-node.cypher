// Fragment: the relationships of node `x` a walk may take, never a hub's whole fan-out.
// The many end of a membership relationship (vocabulary `many`: a region's filings, an
// industry's models, a company's models) is a hub group when it holds more than $hub
// relationships: the walk reaches the hub but does not expand that group (a search from both
// sides meets there), except from nodes with `sampled` true, its own ends, which take the
// group's first $take members. Every group is read by a static type, so Neo4j reads a group's
// size from the degree store and expands that group alone (a dynamic type, or a type test in a
// WHERE, reads every relationship of the node). A node of at most $hub relationships in all is
// read in one pass. Requires `x` and `sampled` in scope; its size is read once.
// Params: $types, $labels, $hub, $take, $sampleable (the labels an end may sample: $labels but
// $peer), $peer and $keepKeys (walk/passable), $asOf and {{> asOf}} (on `y`). Yields: r, y, forward
// (r points from x to y).
CALL (x, sampled) {
  WITH x, sampled, COUNT { (x)--() } AS degree
  CALL (x, sampled, degree) {
  WITH x, degree WHERE degree <= $hub
  MATCH (x)-[r]-(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}}
  RETURN r, y, startNode(r) = x AS forward, false AS checked
  UNION ALL
  // A big node: its groups in a nested union (a small node is tested once, not per group).
  WITH x, sampled, degree WHERE degree > $hub
  CALL (x, sampled, degree) {
  // Every group that holds few per node, whole.
  WITH x, degree
  MATCH (x)-[r:IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-(y)
  WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}}
  RETURN r, y, startNode(r) = x AS forward, false AS checked
  UNION ALL
  WITH x, degree WHERE degree > $hub
  MATCH (x)-[r:FILED_IN|BASED_IN|SERVES|APPLIED_IN|HAS_TYPE]->(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}}
  RETURN r, y, true AS forward, false AS checked
  UNION ALL
  WITH x, degree WHERE degree > $hub
  MATCH (x)<-[r:DEVELOPS]-(y) WHERE type(r) IN $types AND any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}}
  RETURN r, y, false AS forward, false AS checked
  UNION ALL
  // Its many ends: whole when small, the first $take from a walk's own ends, else not at all.
  // Members a walk may not step onto are not sampled ($sampleable): a group of its start's own
  // label ($peer; the ends among them reach the hub from their own side) or of a label the filter
  // leaves out would be read whole in search of $take members it may keep (民营企业's 65,000
  // companies, for a path from a company).
  WITH x, sampled, degree WHERE degree > $hub AND 'DEVELOPS' IN $types AND ((sampled AND 'Model' IN $sampleable) OR COUNT { (x)-[:DEVELOPS]->() } <= $hub)
  MATCH (x)-[r:DEVELOPS]->(y) WHERE any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}} AND {{> asOf}}
  RETURN r, y, true AS forward, true AS checked LIMIT toInteger($take)
  UNION ALL
  WITH x, sampled, degree WHERE degree > $hub AND 'FILED_IN' IN $types AND ((sampled AND 'Model' IN $sampleable) OR COUNT { (x)<-[:FILED_IN]-() } <= $hub)
  MATCH (x)<-[r:FILED_IN]-(y) WHERE any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}} AND {{> asOf}}
  RETURN r, y, false AS forward, true AS checked LIMIT toInteger($take)
  UNION ALL
  WITH x, sampled, degree WHERE degree > $hub AND 'BASED_IN' IN $types AND ((sampled AND 'Company' IN $sampleable) OR COUNT { (x)<-[:BASED_IN]-() } <= $hub)
  MATCH (x)<-[r:BASED_IN]-(y) WHERE any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}} AND {{> asOf}}
  RETURN r, y, false AS forward, true AS checked LIMIT toInteger($take)
  UNION ALL
  WITH x, sampled, degree WHERE degree > $hub AND 'SERVES' IN $types AND ((sampled AND 'Model' IN $sampleable) OR COUNT { (x)<-[:SERVES]-() } <= $hub)
  MATCH (x)<-[r:SERVES]-(y) WHERE any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}} AND {{> asOf}}
  RETURN r, y, false AS forward, true AS checked LIMIT toInteger($take)
  UNION ALL
  WITH x, sampled, degree WHERE degree > $hub AND 'APPLIED_IN' IN $types AND ((sampled AND 'Model' IN $sampleable) OR COUNT { (x)<-[:APPLIED_IN]-() } <= $hub)
  MATCH (x)<-[r:APPLIED_IN]-(y) WHERE any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}} AND {{> asOf}}
  RETURN r, y, false AS forward, true AS checked LIMIT toInteger($take)
  UNION ALL
  WITH x, sampled, degree WHERE degree > $hub AND 'HAS_TYPE' IN $types AND ((sampled AND 'Company' IN $sampleable) OR COUNT { (x)<-[:HAS_TYPE]-() } <= $hub)
  MATCH (x)<-[r:HAS_TYPE]-(y) WHERE any(l IN labels(y) WHERE l IN $labels) AND {{> walk/passable}} AND {{> asOf}}
  RETURN r, y, false AS forward, true AS checked LIMIT toInteger($take)
  }
  RETURN r, y, forward, checked
}
  // The date, checked once here for what the branches above did not check before a LIMIT.
  WITH r, y, forward, checked WHERE checked OR {{> asOf}}
  RETURN r, y, forward
}
