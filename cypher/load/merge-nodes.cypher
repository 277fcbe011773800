// Upserts nodes of one label; aliases and sources are unions, so a rerun changes nothing.
// Name keys (src/graph/names.ts) are a union too.
// Slots: {{label}} (allow-listed). Params: $rows [{key, props, aliases, nameKeys, sourceKeys}]. Returns: { count }
UNWIND $rows AS row
MERGE (n:{{label}} {key: row.key})
SET n += row.props,
    n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END),
    n.nameKeys = reduce(acc = coalesce(n.nameKeys, []), k IN row.nameKeys | CASE WHEN k IN acc THEN acc ELSE acc + k END),
    n.sourceKeys = reduce(acc = coalesce(n.sourceKeys, []), s IN row.sourceKeys | CASE WHEN s IN acc THEN acc ELSE acc + s END)
RETURN count(n) AS count
