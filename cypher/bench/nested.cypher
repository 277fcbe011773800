// Bench floor: 20 companies in name order (off the name index), 10 models each, 5 industries
// each, in one statement. Returns: { row }
MATCH (c:Company) WHERE c.name IS NOT NULL
WITH c ORDER BY c.name, c.key LIMIT 20
RETURN c {.name, models: COLLECT {
  MATCH (c)-[:DEVELOPS]->(m:Model) WITH m ORDER BY m.name, m.key LIMIT 10
  RETURN m {.name, industries: COLLECT { MATCH (m)-[:SERVES]->(i:Industry) WITH i ORDER BY i.name LIMIT 5 RETURN i.name }}
}} AS row
