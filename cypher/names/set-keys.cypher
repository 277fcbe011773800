// Stores name keys computed by src/graph/names.ts. Params: $rows [{id, nameKeys}]. Returns: { count }
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.id
SET n.nameKeys = row.nameKeys
RETURN count(n) AS count
