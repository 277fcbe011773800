// One keyset page of a label's nodes. Slots: {{label}}, {{> anchor}} (how candidates are found:
// from the most selective filter's side, or an index), {{> where}} (the type's where fragment file),
// {{sort}} (a sort expression over n), {{dir}} (ASC/DESC), {{cmp}} (> or <).
// Params: $where {..}, $after {sort, key} or null, $limit. Returns: { row } with row.__sort
{{> anchor}}
WITH n WHERE {{> where}}
WITH n, {{sort}} AS sortValue
WHERE $after IS NULL OR sortValue {{cmp}} $after.sort OR (sortValue = $after.sort AND n.key {{cmp}} $after.key)
ORDER BY sortValue {{dir}}, n.key {{dir}}
LIMIT toInteger($limit)
RETURN n {.*, __label: '{{label}}', __sort: sortValue} AS row
