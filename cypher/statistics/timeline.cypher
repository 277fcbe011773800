// Announced cumulative totals and period figures, oldest first, each only once it was known
// (claim/known-from) by $asOf (null: all).
// Params: $metrics, $asOf. Returns: { claim }
MATCH (c:Claim) WHERE c.metric IN $metrics
WITH c, {{> claim/known-from}} AS known
WHERE $asOf IS NULL OR known <= $asOf
RETURN c {.*, __label: 'Claim'} AS claim
ORDER BY coalesce(c.asOf, known), c.metric, c.sourceKey
