// How many related nodes pass the filter, for many parents at once (entity/related-total).
// Slots: {{parent}}, {{pattern}}, {{label}}, {{where}}. Params: $keys, $where, $stored. Returns: { key, total }
UNWIND $keys AS key
OPTIONAL MATCH (p:{{parent}} {key: key})
{{> entity/related-total}}
RETURN key, total
