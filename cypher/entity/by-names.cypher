// Nodes of one label by exact name, else by English name, alias or key; one row per requested name.
// Slots: {{label}}. Params: $names [string]. Returns: { name, row }
UNWIND $names AS name
OPTIONAL MATCH (a:{{label}} {name: name})
WITH name, collect(a) AS exact
OPTIONAL MATCH (b:{{label}})
WHERE size(exact) = 0 AND (b.nameEn = name OR name IN b.aliases OR b.key = name)
WITH name, exact, collect(b) AS other
WITH name, head(exact + other) AS n
RETURN name, CASE WHEN n IS NULL THEN null ELSE n {.*, __label: '{{label}}'} END AS row
