// How many nodes of a label pass the filter, without loading them: from the anchor nodes
// when a filter names some, else over the label.
// Slots: {{label}}, {{> probe}}, {{anchorPattern}}, {{> scan}}, {{> where}}.
// Params: $where {..}, $anchor. Returns: { total }
{{> probe}}
WITH anchors, anchors IS NULL AS scanning
CALL (anchors, scanning) {
  WITH anchors, scanning WHERE NOT scanning
  UNWIND anchors AS a MATCH {{anchorPattern}}
  WITH n WHERE {{> where}}
  RETURN count(n) AS counted
  UNION ALL
  WITH anchors, scanning WHERE scanning
  {{> scan}}
  WITH n WHERE (anchors IS NULL OR EXISTS { MATCH {{anchorPattern}} WHERE a IN anchors }) AND ({{> where}})
  RETURN count(n) AS counted
}
RETURN sum(counted) AS total
