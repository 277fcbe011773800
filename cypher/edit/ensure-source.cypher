// The source an edit cites, created on first use. Params: $source, $by, $now. Returns: { key }
MERGE (s:Source {key: $source})
ON CREATE SET s.title = $source, s.kind = 'API_EDIT', s.createdBy = $by, s.createdAt = $now
RETURN s.key AS key
