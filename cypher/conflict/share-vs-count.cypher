// A stated share that does not equal the stated count over the stated total of the same date
// (the total from the share's own document where it states one). Params: $tolerance. Returns: conflict rows.
MATCH (share:Claim {metric: 'FILINGS_SHARE'})-[:ABOUT]->(r:Region)<-[:ABOUT]-(count:Claim {metric: 'FILINGS_COUNT'})
WHERE count.asOf = share.asOf
MATCH (total:Claim {metric: 'CUMULATIVE_FILINGS'}) WHERE total.asOf = share.asOf
WITH share, count, r, total
ORDER BY split(total.sourceKey, '#')[0] = split(share.sourceKey, '#')[0] DESC, total.sourceKey
WITH share, count, r, head(collect(total)) AS total
WITH share, count, total, r, toFloat(count.value) / total.value AS computed
WHERE abs(computed - share.value) > $tolerance
RETURN 'SHARE_INCONSISTENT' AS kind,
       r.name + ': stated share ' + toString(round(share.value * 10000) / 100) + '% but ' + toString(toInteger(count.value)) + '/' + toString(toInteger(total.value)) + ' = ' + toString(round(computed * 10000) / 100) + '%' AS description,
       [r {.*, __label: 'Region'}] AS subjects,
       [c IN [share, count, total] | {statement: c.quote, value: c.value, valueText: c.valueText, sourceKey: c.sourceKey, claimKey: c.key}] AS claims
