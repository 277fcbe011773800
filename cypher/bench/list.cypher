// Bench floor: one page of synthetic models filed in a region, by name. Params: $region. Returns: { row }
MATCH (m:Model)-[:FILED_IN]->(:Region {key: $region})
WHERE m.synthetic = true
RETURN m {.key, .name, .filingDate} AS row ORDER BY m.name, m.key LIMIT 20
