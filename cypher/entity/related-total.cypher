// Fragment: how many nodes related to {{of}} (a parent node, or null) pass the filter, as
// {{total}}. With no filter ($stored), the parent's relationships of the relation's type, from
// the degree store: they are its related nodes (written by MERGE, never two between the same
// nodes, and only between the labels src/graph/vocabulary.ts gives their type).
// Slots: {{of}}, {{total}}, {{pattern}}, {{label}}, {{where}}. Params: $where, $stored.
CALL ({{of}}) {
  WITH {{of}} AS p
  RETURN CASE
    WHEN p IS NULL THEN 0
    WHEN $stored THEN COUNT { (p){{pattern}}() }
    ELSE COUNT { MATCH (p){{pattern}}(n:{{label}}) WHERE {{> where}} }
  END AS {{total}}
}
