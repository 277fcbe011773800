// Upserts generated models with their developer, region, industry and scenario, as ordinary
// facts citing the generated filing list (a scratch database only: nothing marks them apart).
// Params: $rows [{key, name, company, region, industry, scenario, filingNumber, filingDate}], $source.
// Returns: { count }
UNWIND $rows AS row
MATCH (c:Company {key: row.company})
MATCH (g:Region {key: row.region})
MATCH (i:Industry {key: row.industry})
MATCH (s:Scenario {key: row.scenario})
MERGE (m:Model {key: row.key})
ON CREATE SET m.name = row.name, m.aliases = [], m.sourceKeys = [$source],
              m.filingNumber = row.filingNumber, m.filingDate = row.filingDate, m.filingType = '备案'
MERGE (c)-[d:DEVELOPS]->(m) ON CREATE SET d.sourceKeys = [$source], d.role = '备案单位'
MERGE (m)-[f:FILED_IN]->(g) ON CREATE SET f.sourceKeys = [$source], f.filingDate = row.filingDate
MERGE (m)-[v:SERVES]->(i) ON CREATE SET v.sourceKeys = [$source]
MERGE (m)-[a:APPLIED_IN]->(s) ON CREATE SET a.sourceKeys = [$source]
RETURN count(m) AS count
