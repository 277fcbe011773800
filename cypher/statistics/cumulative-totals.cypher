// Stated national cumulative totals, newest first. Params: none. Returns: { claim }
MATCH (c:Claim {metric: 'CUMULATIVE_FILINGS'})
RETURN c {.*, __label: 'Claim'} AS claim
ORDER BY c.asOf DESC, c.sourceKey
