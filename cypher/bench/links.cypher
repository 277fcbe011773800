// Bench floor: policies within 4 hops of a company, each with its shortest path, returning what
// the API's answer is built from (every node and relationship on the path). Params: $key.
MATCH (a:Company {key: $key})
MATCH p = SHORTEST 1 (a)((x)-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-(y:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight)){1,4}(b:Policy)
WITH p, b ORDER BY length(p), b.key LIMIT 20
RETURN [n IN nodes(p) | n {.*}] AS nodes, [r IN relationships(p) | r {.*, type: type(r)}] AS rels
