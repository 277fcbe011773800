// Announced cumulative totals and period figures, oldest first. Params: $metrics. Returns: { claim }
MATCH (c:Claim) WHERE c.metric IN $metrics
RETURN c {.*, __label: 'Claim'} AS claim
ORDER BY coalesce(c.asOf, c.period + '-12-31'), c.metric, c.sourceKey
