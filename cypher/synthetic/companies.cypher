// Upserts generated companies with their region and enterprise type, as ordinary facts citing
// the generated filing list (a scratch database only). Params: $rows [{key, name, region, type}],
// $source. Returns: { count }
UNWIND $rows AS row
MERGE (c:Company {key: row.key})
ON CREATE SET c.name = row.name, c.aliases = [], c.sourceKeys = [$source]
WITH c, row
MATCH (g:Region {key: row.region})
MATCH (t:EnterpriseType {key: row.type})
MERGE (c)-[b:BASED_IN]->(g) ON CREATE SET b.sourceKeys = [$source]
MERGE (c)-[h:HAS_TYPE]->(t) ON CREATE SET h.sourceKeys = [$source]
RETURN count(c) AS count
