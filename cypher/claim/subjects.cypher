// What claims are about, in the order stated. Params: $keys [claim key]. Returns: { key, row }
UNWIND $keys AS key
MATCH (:Claim {key: key})-[a:ABOUT]->(n)
WITH key, a, n, [l IN labels(n) WHERE l IN ['Model','Company','Region','Cluster','Industry','Scenario','Policy','EnterpriseType','Insight']][0] AS label
RETURN key, n {.*, __label: label} AS row
ORDER BY key, a.position
