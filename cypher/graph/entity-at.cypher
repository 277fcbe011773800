// Fragment: the entity of label `label` with key `key` (variables in scope), yielding `n`. The label
// travels as a value, so one statement serves every label, and each branch's guard is tested
// before its index seek: one seek runs (a label-free match, or a dynamic label, scans every node:
// 3.3 million db hits at 1000x). The labels are ENTITY_LABELS (tests/unit/cypher-labels.test.ts).
CALL (label, key) {
  WITH 1 AS one WHERE label = 'Model' MATCH (n:Model {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'Company' MATCH (n:Company {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'Region' MATCH (n:Region {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'Cluster' MATCH (n:Cluster {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'Industry' MATCH (n:Industry {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'Scenario' MATCH (n:Scenario {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'Policy' MATCH (n:Policy {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'EnterpriseType' MATCH (n:EnterpriseType {key: key}) RETURN n
  UNION ALL
  WITH 1 AS one WHERE label = 'Insight' MATCH (n:Insight {key: key}) RETURN n
}
