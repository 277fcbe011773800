// Bench floor: shortest path from a company to a policy, every node and relationship on it
// (what the API's explanation is built from). Params: $from, $to.
MATCH (a:Company {key: $from}), (b:Policy {key: $to})
MATCH p = SHORTEST 1 (a)((x)-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-(y:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight)){1,4}(b)
RETURN [n IN nodes(p) | n {.*}] AS nodes, [r IN relationships(p) | r {.*, type: type(r)}] AS rels
