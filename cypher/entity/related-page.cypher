// Fragment: one keyset page of the nodes related to {{of}} (a parent node, or null), as
// {{rows}}: [{row, rel, nested}], where nested holds each row's own nested pages and counts
// ({{>> children}} reads them for the row's node n; {{nested}} is their map, or null).
// Slots: {{of}}, {{rows}}, {{pattern}} (e.g. -[r:DEVELOPS]->), {{label}}, {{where}}, {{sort}},
// {{dir}}, {{cmp}}, {{nested}}, {{props}} (the node properties read: .* or some, src/entity/projection.ts),
// {{rel}} (the relationship's map). Params: $where {..}, $after {sort, key} or null, $limit.
CALL ({{of}}) {
  WITH {{of}} AS p
  MATCH (p){{pattern}}(n:{{label}})
  WHERE {{> where}}
  WITH n, r, {{sort}} AS sortValue
  WHERE $after IS NULL OR sortValue {{cmp}} $after.sort OR (sortValue = $after.sort AND n.key {{cmp}} $after.key)
  ORDER BY sortValue {{dir}}, n.key {{dir}}
  LIMIT toInteger($limit)
  {{>> children}}
  RETURN collect({row: n { {{props}}, __label: '{{label}}', __sort: sortValue}, rel: {{rel}}, nested: {{nested}}}) AS {{rows}}
}
