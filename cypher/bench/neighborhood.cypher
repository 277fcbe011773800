// Bench floor: nodes within 2 hops of a region, nearest first, at most 100. Params: $key.
MATCH (a:Region {key: $key})
MATCH p = SHORTEST 1 (a)((x)-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-(y:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight) WHERE NOT coalesce(y.synthetic, false)){0,2}(n)
WITH n, length(p) AS d ORDER BY d, n.key LIMIT 100
RETURN n.key AS key
