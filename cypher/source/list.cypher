// Sources, optionally of one kind; documents before their sections. Params: $kind. Returns: { row }
MATCH (s:Source)
WHERE $kind IS NULL OR s.kind = $kind
RETURN s {.*, __label: 'Source'} AS row
ORDER BY s.kind, split(s.key, '#')[0], coalesce(s.sectionNumber, 0)
