// Fragment: a walk towards every node of label $toLabel that may be walked to, when there are at
// most $maxTargets of them (a search from both sides); otherwise from the start alone. The label
// is a parameter, as in walk/from-node: only the guarded branch scans, and only until the limit.
CALL (a) {
  CALL () {
    WITH 1 AS one WHERE $toLabel = 'Model' MATCH (y:Model) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Company' MATCH (y:Company) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Region' MATCH (y:Region) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Cluster' MATCH (y:Cluster) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Industry' MATCH (y:Industry) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Scenario' MATCH (y:Scenario) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Policy' MATCH (y:Policy) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'EnterpriseType' MATCH (y:EnterpriseType) RETURN y
    UNION ALL
    WITH 1 AS one WHERE $toLabel = 'Insight' MATCH (y:Insight) RETURN y
  }
  WITH a, y WHERE y <> a AND any(l IN labels(y) WHERE l IN $labels) AND {{> asOf}}
  WITH y LIMIT toInteger($maxTargets) + 1
  RETURN collect(y) AS found
}
WITH a, CASE WHEN size(found) <= $maxTargets THEN found ELSE [] END AS ends
