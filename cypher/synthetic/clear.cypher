// Removes the given synthetic nodes and their relationships. Params: $ids [elementId].
// (Deleting straight from a label scan plans an Eager that loads every synthetic node.) Returns: { deleted }
UNWIND $ids AS id
MATCH (n:Synthetic) WHERE elementId(n) = id
DETACH DELETE n
RETURN count(*) AS deleted
