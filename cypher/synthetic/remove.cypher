// Removes up to $batch nodes that only the generated register states (its source key is their
// only source), with their relationships. Params: $source, $batch. Returns: { deleted }
MATCH (n) WHERE n.sourceKeys = [$source]
WITH n LIMIT toInteger($batch)
DETACH DELETE n
RETURN count(*) AS deleted
