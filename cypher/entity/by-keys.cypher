// Nodes of one label by key, one row per requested key (row null when missing).
// Slots: {{label}}. Params: $keys [string]. Returns: { key, row }
UNWIND $keys AS key
OPTIONAL MATCH (n:{{label}} {key: key})
RETURN key, CASE WHEN n IS NULL THEN null ELSE n {.*, __label: '{{label}}'} END AS row
