// The document a section belongs to. Params: $keys [section key]. Returns: { key, row }
UNWIND $keys AS key
MATCH (:Source {key: key})-[:PART_OF]->(p:Source)
RETURN key, p {.*, __label: 'Source'} AS row
