// Keyset pages of related nodes for many parents at once (one round trip per level).
// Slots: {{parent}} (label), {{pattern}} (e.g. -[r:DEVELOPS]->), {{label}}, {{where}}, {{sort}}, {{dir}}, {{cmp}}.
// Params: $keys [parent key], $where {..}, $after {sort, key} or null, $limit.
// Returns: { key, rows: [{row, rel}] }
UNWIND $keys AS key
OPTIONAL MATCH (p:{{parent}} {key: key})
CALL (p) {
  MATCH (p){{pattern}}(n:{{label}})
  WHERE {{> where}}
  WITH n, r, {{sort}} AS sortValue
  WHERE $after IS NULL OR sortValue {{cmp}} $after.sort OR (sortValue = $after.sort AND n.key {{cmp}} $after.key)
  ORDER BY sortValue {{dir}}, n.key {{dir}}
  LIMIT toInteger($limit)
  RETURN collect({row: n {.*, __label: '{{label}}', __sort: sortValue}, rel: r {.*, __type: type(r)}}) AS rows
}
RETURN key, rows
