// Deletes an entity and its relationships, and the claims only about it. Slots: {{label}}.
// Params: $key. Returns: { deleted }
OPTIONAL MATCH (n:{{label}} {key: $key})
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(n) WHERE COUNT { (c)-[:ABOUT]->() } = 1
DETACH DELETE c
WITH DISTINCT n
DETACH DELETE n
RETURN n IS NOT NULL AS deleted
