// Deletes a relationship. Slots: {{from}}, {{to}}, {{type}}. Params: $from, $to. Returns: { deleted }
OPTIONAL MATCH (:{{from}} {key: $from})-[r:{{type}}]->(:{{to}} {key: $to})
WITH collect(r) AS rels
FOREACH (r IN rels | DELETE r)
RETURN size(rels) > 0 AS deleted
