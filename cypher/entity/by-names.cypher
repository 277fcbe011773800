// Nodes of one label by exact name; else by English name, alias or key as written; else by
// any of them compared after normalisation (NFKC, so full-width and half-width forms match;
// Latin case ignored). The later steps scan the label, so each runs only when the one before
// found nothing. One row per requested name. Slots: {{label}}. Params: $names [string].
// Returns: { name, row }
UNWIND $names AS name
OPTIONAL MATCH (a:{{label}} {name: name})
WITH name, head(collect(a)) AS exact
WITH name, coalesce(exact, head(COLLECT {
  WITH name WHERE exact IS NULL
  MATCH (b:{{label}}) WHERE b.nameEn = name OR name IN b.aliases OR b.key = name
  RETURN b ORDER BY b.key LIMIT 1
})) AS found
WITH name, coalesce(found, head(COLLECT {
  WITH name, toLower(normalize(name, NFKC)) AS wanted WHERE found IS NULL
  MATCH (b:{{label}})
  WHERE any(x IN [b.name, b.nameEn, b.key] + coalesce(b.aliases, []) WHERE toLower(normalize(x, NFKC)) = wanted)
  RETURN b ORDER BY b.key LIMIT 1
})) AS n
RETURN name, CASE WHEN n IS NULL THEN null ELSE n {.*, __label: '{{label}}'} END AS row
