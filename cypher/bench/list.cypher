// Bench floor: one page of models filed in a region, by name: read in name order from the name
// index, the region checked on each, stopping at 20. Params: $region. Returns: { row }
MATCH (m:Model) WHERE m.name IS NOT NULL AND EXISTS { (m)-[:FILED_IN]->(:Region {key: $region}) }
WITH m ORDER BY m.name, m.key LIMIT 20
RETURN m {.key, .name, .filingDate} AS row
