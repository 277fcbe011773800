// A stated count of filings in a period against the filings of that period in a filing list.
// Params: none. Returns: conflict rows.
MATCH (c:Claim) WHERE c.metric IN ['FIRST_BATCH_FILINGS', 'FILINGS_IN_PERIOD'] AND c.period IS NOT NULL AND c.comparator = 'EQ'
MATCH (m:Model) WHERE m.filingType = '备案' AND m.filingDate STARTS WITH c.period
UNWIND m.sourceKeys AS listKey
MATCH (list:Source {key: listKey, kind: 'FILING_LIST'})
WITH c, list, count(DISTINCT m) AS counted
WHERE counted <> c.value
MATCH (c)-[:ABOUT]->(subject)
RETURN 'COUNT_MISMATCH' AS kind,
       c.metric + ' ' + c.period + ': ' + c.sourceKey + ' states ' + toString(toInteger(c.value)) + ', the filing list ' + list.key + ' has ' + toString(counted) + ' filings dated then' AS description,
       [subject {.*, __label: labels(subject)[0]}] AS subjects,
       [{statement: c.quote, value: c.value, valueText: null, sourceKey: c.sourceKey, claimKey: c.key},
        {statement: toString(counted) + ' rows dated ' + c.period, value: toFloat(counted), valueText: null, sourceKey: list.key, claimKey: null}] AS claims
