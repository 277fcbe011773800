// A company that different sources place in different regions (the report's list of typical
// companies against the 属地 of its filings). Params: none. Returns: conflict rows.
MATCH (c:Company)-[a:BASED_IN]->(r1:Region), (c)-[b:BASED_IN]->(r2:Region)
WHERE r1.key < r2.key AND a.sourceKeys <> b.sourceKeys
RETURN 'LOCATION_MISMATCH' AS kind,
       c.name + ': ' + r1.name + ' according to ' + reduce(s = '', k IN a.sourceKeys | s + k + ' ') + 'but ' + r2.name + ' according to ' + reduce(s = '', k IN b.sourceKeys | s + k + ' ') AS description,
       [c {.*, __label: 'Company'}, r1 {.*, __label: 'Region'}, r2 {.*, __label: 'Region'}] AS subjects,
       [x IN [{r: r1, rel: a}, {r: r2, rel: b}] | {statement: c.name + ' BASED_IN ' + x.r.name, value: null, valueText: x.r.name, sourceKey: x.rel.sourceKeys[0], claimKey: null}] AS claims
