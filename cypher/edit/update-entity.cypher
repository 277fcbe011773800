// Updates an entity: properties replaced (null removes), aliases and sources added. Slots: {{label}}.
// Params: $key, $props, $aliases, $nameKeys, $source, $by, $now. Returns: { row } (no row when missing)
MATCH (n:{{label}} {key: $key})
SET n += $props,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN $aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.nameKeys = reduce(acc = coalesce(n.nameKeys, []), k IN $nameKeys | CASE WHEN k IN acc THEN acc ELSE acc + k END),
    n.sourceKeys = CASE WHEN $source IN coalesce(n.sourceKeys, []) THEN n.sourceKeys ELSE coalesce(n.sourceKeys, []) + $source END,
    n.changedAt = $now, n.changedBy = $by
RETURN n {.*, __label: '{{label}}'} AS row
