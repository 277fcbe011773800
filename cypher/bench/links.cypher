// Bench floor: policies within 4 hops of a company, each with its shortest path. Params: $key.
MATCH (a:Company {key: $key})
MATCH p = SHORTEST 1 (a)((x)-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-(y:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight) WHERE NOT coalesce(y.synthetic, false)){1,4}(b:Policy)
WITH p, b ORDER BY length(p), b.key LIMIT 20
RETURN length(p) AS length, [n IN nodes(p) | n.name] AS nodes
