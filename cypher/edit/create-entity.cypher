// Creates an entity unless its key is taken. Slots: {{label}}.
// Params: $key, $props, $aliases, $nameKeys, $source, $by, $now. Returns: { row } (no row when the key exists)
OPTIONAL MATCH (existing:{{label}} {key: $key})
WITH existing WHERE existing IS NULL
CREATE (n:{{label}} {key: $key})
SET n += $props, n.aliases = $aliases, n.nameKeys = $nameKeys, n.sourceKeys = [$source], n.changedAt = $now, n.changedBy = $by
RETURN n {.*, __label: '{{label}}'} AS row
