// Fragment: a walk towards one node, of label $toLabel with key $to, when it may be walked to
// (its label allowed, and it existed as of the date asked for); none otherwise. The label is a
// parameter, as in walk/from-node.
CALL (a) {
  CALL () {
    WITH 1 AS one WHERE $toLabel = 'Model' MATCH (y:Model {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Company' MATCH (y:Company {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Region' MATCH (y:Region {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Cluster' MATCH (y:Cluster {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Industry' MATCH (y:Industry {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Scenario' MATCH (y:Scenario {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Policy' MATCH (y:Policy {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'EnterpriseType' MATCH (y:EnterpriseType {key: $to}) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Insight' MATCH (y:Insight {key: $to}) RETURN y
  }
  WITH a, y WHERE y <> a AND any(l IN labels(y) WHERE l IN $labels) AND {{> asOf}}
  RETURN collect(y) AS ends
}
WITH a, ends
