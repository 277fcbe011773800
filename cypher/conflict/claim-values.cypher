// Two sources state the same measure of the same subject for the same date or period with
// different values. Params: none. Returns: conflict rows (see src/conflict/rows.ts).
MATCH (a:Claim), (b:Claim)
WHERE a.metric = b.metric AND a.key < b.key AND a.sourceKey <> b.sourceKey
  AND coalesce(a.asOf, '') = coalesce(b.asOf, '') AND coalesce(a.period, '') = coalesce(b.period, '')
  AND (a.value <> b.value OR a.comparator <> b.comparator OR coalesce(a.valueText, '') <> coalesce(b.valueText, ''))
  AND [(a)-[:ABOUT]->(x) | x.key] = [(b)-[:ABOUT]->(y) | y.key]
RETURN 'VALUE_MISMATCH' AS kind,
       a.metric + ' ' + coalesce(a.period, a.asOf, '') + ': ' + a.sourceKey + ' states ' + a.comparator + ' ' + toString(a.value) + '; ' + b.sourceKey + ' states ' + b.comparator + ' ' + toString(b.value) AS description,
       [(a)-[:ABOUT]->(x) | x {.*, __label: labels(x)[0]}] AS subjects,
       [c IN [a, b] | {statement: c.quote, value: c.value, valueText: c.valueText, sourceKey: c.sourceKey, claimKey: c.key}] AS claims
