// The filing list every generated fact cites. Params: $source, $scale. Returns: { key }
MERGE (s:Source {key: $source})
SET s.title = '备案清单 (generated at ' + toString($scale) + 'x the real register by npm run generate)', s.kind = 'FILING_LIST'
RETURN s.key AS key
