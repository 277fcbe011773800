// The source every synthetic fact cites. Params: $source, $scale. Returns: { key }
MERGE (s:Source {key: $source})
SET s.title = 'Synthetic register at ' + toString($scale) + 'x (npm run generate)', s.kind = 'SYNTHETIC'
RETURN s.key AS key
