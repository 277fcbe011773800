// Empties the graph (data, not schema), in batches. Params: none. Returns nothing.
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
