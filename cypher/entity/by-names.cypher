// Nodes of one label by exact name, else by name, English name, alias or key compared after
// normalisation (NFKC, so full-width and half-width forms match; Latin case ignored).
// One row per requested name. Slots: {{label}}. Params: $names [string]. Returns: { name, row }
UNWIND $names AS name
OPTIONAL MATCH (a:{{label}} {name: name})
WITH name, head(collect(a)) AS exact
WITH name, coalesce(exact, head(COLLECT {
  WITH name, toLower(normalize(name, NFKC)) AS wanted WHERE exact IS NULL
  MATCH (b:{{label}})
  WHERE any(x IN [b.name, b.nameEn, b.key] + coalesce(b.aliases, []) WHERE toLower(normalize(x, NFKC)) = wanted)
  RETURN b ORDER BY b.key LIMIT 1
})) AS n
RETURN name, CASE WHEN n IS NULL THEN null ELSE n {.*, __label: '{{label}}'} END AS row
