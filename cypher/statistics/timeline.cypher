// Announced cumulative totals and period figures, oldest first, stated by $asOf (null: all).
// Params: $metrics, $asOf. Returns: { claim }
MATCH (c:Claim) WHERE c.metric IN $metrics AND ($asOf IS NULL OR coalesce(c.asOf, c.period + '-12-31') <= $asOf)
RETURN c {.*, __label: 'Claim'} AS claim
ORDER BY coalesce(c.asOf, c.period + '-12-31'), c.metric, c.sourceKey
