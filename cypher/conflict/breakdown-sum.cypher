// A source's per-region counts that do not add up to the total stated for the same date.
// Params: none. Returns: conflict rows.
MATCH (c:Claim {metric: 'FILINGS_COUNT'})-[:ABOUT]->(r:Region)
WITH c.sourceKey AS sourceKey, c.asOf AS asOf, collect(c) AS parts, collect(r) AS regions, sum(c.value) AS partSum
MATCH (total:Claim {metric: 'CUMULATIVE_FILINGS'}) WHERE total.asOf = asOf
WITH sourceKey, asOf, parts, regions, partSum, total ORDER BY total.sourceKey
WITH sourceKey, asOf, parts, regions, partSum, head(collect(total)) AS total
WHERE partSum <> total.value
RETURN 'PARTIAL_BREAKDOWN' AS kind,
       sourceKey + ': counts by region add up to ' + toString(toInteger(partSum)) + ' of the ' + toString(toInteger(total.value)) + ' stated for ' + asOf + '; ' + toString(toInteger(total.value - partSum)) + ' are not broken down' AS description,
       [r IN regions | r {.*, __label: 'Region'}] AS subjects,
       [c IN parts + [total] | {statement: c.quote, value: c.value, valueText: c.valueText, sourceKey: c.sourceKey, claimKey: c.key}] AS claims
