// How many nodes of a label pass the filter, without loading them where the stores know it:
// - nothing filters ($stored = 'label'): the label's count, from the count store;
// - one anchor node is the only filter ($stored = 'anchor'): its relationships of the anchor
//   pattern's type (`fanout`, from the degree store). They are its candidates: relationships
//   are written by MERGE (never two between the same nodes) and only between the labels
//   src/graph/vocabulary.ts gives their type;
// - otherwise the candidates are read: from the anchor nodes when a filter names some (each
//   counted once, whichever anchors reach it), else over the label.
// Slots: {{label}}, {{> probe}}, {{anchorPattern}}, {{> scan}}, {{> where}}.
// Params: $where {..}, $anchor, $stored ('label', 'anchor' or null). Returns: { total }
{{> probe}}
WITH anchors, fanout,
  CASE WHEN $stored = 'label' THEN 'label' WHEN $stored = 'anchor' AND size(anchors) <= 1 THEN 'anchor' END AS stored
CALL (anchors, fanout, stored) {
  WITH stored WHERE stored = 'label'
  RETURN COUNT { MATCH (:{{label}}) } AS counted
  UNION ALL
  WITH fanout, stored WHERE stored = 'anchor'
  RETURN fanout AS counted
  UNION ALL
  WITH anchors, stored WHERE stored IS NULL AND anchors IS NOT NULL
  UNWIND anchors AS a MATCH {{anchorPattern}}
  WITH DISTINCT n WHERE {{> where}}
  RETURN count(n) AS counted
  UNION ALL
  WITH anchors, stored, true AS scanning WHERE stored IS NULL AND anchors IS NULL
  {{> scan}}
  WITH n WHERE {{> where}}
  RETURN count(n) AS counted
}
RETURN sum(counted) AS total
