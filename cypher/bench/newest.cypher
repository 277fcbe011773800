// Bench floor: the newest filings, one page: read from the filing-date index in descending
// order, stopping at 20. Returns: { row }
MATCH (m:Model) WHERE m.filingDate IS NOT NULL
WITH m ORDER BY m.filingDate DESC, m.key DESC LIMIT 20
RETURN m {.key, .name, .filingDate} AS row
