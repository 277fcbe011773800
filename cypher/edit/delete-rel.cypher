// Deletes a relationship. Slots: {{from}}, {{to}}, {{type}}. Params: $from, $to. Returns: { deleted }
// The SET takes the relationship's write lock; the second MATCH, after it, sees only what no
// concurrent delete removed, so of two concurrent deletes exactly one says true.
OPTIONAL MATCH (:{{from}} {key: $from})-[locked:{{type}}]->(:{{to}} {key: $to})
SET locked.deleting = true
WITH count(locked) AS ignored
OPTIONAL MATCH (:{{from}} {key: $from})-[r:{{type}}]->(:{{to}} {key: $to})
WITH collect(r) AS rels
FOREACH (r IN rels | DELETE r)
RETURN size(rels) > 0 AS deleted
