// Bench floor: synthetic filings counted by province-level region. Returns: { label, counted }
MATCH (m:Model)-[:FILED_IN]->(g:Region)
WHERE m.synthetic = true AND m.filingType = '备案'
RETURN g.name AS label, count(m) AS counted ORDER BY counted DESC
