// A stated ranking whose order differs from the order of the counts stated for the same regions.
// Params: none. Returns: conflict rows.
MATCH (rank:Claim {metric: 'LEADING_REGIONS'})-[a:ABOUT]->(r:Region)
WITH rank, r, a.position AS position ORDER BY position
MATCH (r)<-[:ABOUT]-(count:Claim {metric: 'FILINGS_COUNT'}) WHERE count.asOf = rank.asOf
WITH rank, collect(r) AS stated, collect(count) AS counts
WITH rank, stated, counts, [c IN counts | c.value] AS values
WHERE size(stated) > 1 AND
      any(i IN range(0, size(values) - 2) WHERE values[i] < values[i + 1])
RETURN 'RANKING_INCONSISTENT' AS kind,
       'stated order ' + reduce(s = '', r IN stated | s + r.shortName + ' ') + 'but stated counts ' + reduce(s = '', c IN counts | s + toString(toInteger(c.value)) + ' ') + 'put them in another order' AS description,
       [r IN stated | r {.*, __label: 'Region'}] AS subjects,
       [c IN [rank] + counts | {statement: c.quote, value: c.value, valueText: c.valueText, sourceKey: c.sourceKey, claimKey: c.key}] AS claims
