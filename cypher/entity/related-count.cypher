// How many related nodes pass the filter, for many parents at once. With no filter
// ($stored), a parent's relationships of the relation's type, from the degree store: they are
// its related nodes (written by MERGE, never two between the same nodes, and only between the
// labels src/graph/vocabulary.ts gives their type).
// Slots: {{parent}}, {{pattern}}, {{label}}, {{where}}. Params: $keys, $where, $stored. Returns: { key, total }
UNWIND $keys AS key
OPTIONAL MATCH (p:{{parent}} {key: key})
CALL (p) {
  WITH p WHERE $stored
  RETURN CASE WHEN p IS NULL THEN 0 ELSE COUNT { (p){{pattern}}() } END AS total
  UNION ALL
  WITH p WHERE NOT $stored
  MATCH (p){{pattern}}(n:{{label}})
  WHERE {{> where}}
  // Grouped by p, so this branch yields no row when the other one is taken.
  WITH p, count(n) AS total
  RETURN total
}
RETURN key, total
