// Sections of documents. Params: $keys [document key]. Returns: { key, row } in section order.
UNWIND $keys AS key
MATCH (:Source {key: key})<-[:PART_OF]-(s:Source)
RETURN key, s {.*, __label: 'Source'} AS row
ORDER BY key, s.sectionNumber
