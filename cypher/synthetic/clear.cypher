// Removes every synthetic node and its relationships, in batches. Params: none.
MATCH (n:Synthetic) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
