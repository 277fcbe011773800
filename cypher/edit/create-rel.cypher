// Creates a relationship between existing entities (or adds a source to it).
// Slots: {{from}}, {{to}}, {{type}}. Params: $from, $to (keys), $props, $source, $by, $now.
// Returns: { type, properties, from, to } (no row when an end is missing)
MATCH (a:{{from}} {key: $from}), (b:{{to}} {key: $to})
MERGE (a)-[r:{{type}}]->(b)
SET r += $props,
    r.sourceKeys = CASE WHEN $source IN coalesce(r.sourceKeys, []) THEN r.sourceKeys ELSE coalesce(r.sourceKeys, []) + $source END,
    r.changedAt = $now, r.changedBy = $by
RETURN type(r) AS type, properties(r) AS properties, a {.*, __label: '{{from}}'} AS from, b {.*, __label: '{{to}}'} AS to
