// Deletes an entity and its relationships, and the claims only about it. Slots: {{label}}.
// Params: $key. Returns: { deleted }
// Concurrent deletes of one entity: the SET takes the node's write lock; the second MATCH runs
// after it and sees only a node no other transaction deleted meanwhile, so exactly one says true.
OPTIONAL MATCH (locked:{{label}} {key: $key})
SET locked.deleting = true
WITH count(locked) AS ignored
OPTIONAL MATCH (n:{{label}} {key: $key})
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(n) WHERE COUNT { (c)-[:ABOUT]->() } = 1
DETACH DELETE c
WITH DISTINCT n
DETACH DELETE n
RETURN n IS NOT NULL AS deleted
