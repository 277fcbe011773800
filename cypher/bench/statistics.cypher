// Bench floor: filings counted by province-level region. Returns: { label, counted }
MATCH (m:Model)-[:FILED_IN]->(g:Region)
WHERE m.filingType = '备案'
RETURN g.name AS label, count(m) AS counted ORDER BY counted DESC
