// Fragment: the node of label $fromLabel with key $from, yielding `y`. The label travels as a
// parameter, not in the text, so a walk from any label is one statement with one plan (each label
// in the text was a plan of its own, each planned anew after a restart: 0.5-1.3 s apiece); each
// branch's guard is tested before its index seek, so only one seek runs (3 db hits in all).
// The labels are ENTITY_LABELS (src/graph/vocabulary.ts; tests/unit/cypher-labels.test.ts checks).
// Params: $fromLabel, $from.
CALL () {
  WITH 1 AS one WHERE $fromLabel = 'Model' MATCH (y:Model {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'Company' MATCH (y:Company {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'Region' MATCH (y:Region {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'Cluster' MATCH (y:Cluster {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'Industry' MATCH (y:Industry {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'Scenario' MATCH (y:Scenario {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'Policy' MATCH (y:Policy {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'EnterpriseType' MATCH (y:EnterpriseType {key: $from}) RETURN y
  UNION ALL
  WITH 1 AS one WHERE $fromLabel = 'Insight' MATCH (y:Insight {key: $from}) RETURN y
}
