// How many nodes of a label pass the filter, without loading them: from the anchor nodes
// when a filter names some, else over the label. With synthetic data present, counting real
// nodes under a hub anchor (a region with 100,000 synthetic models) would read every
// candidate only to drop it; {{countScan}} then reads the flag's partition instead, when the
// count store says it is smaller than the anchor's fanout.
// Slots: {{label}}, {{> probe}}, {{anchorPattern}}, {{> scan}}, {{> where}}, {{countScan}}
// (condition over fanout, size and synthetic). Params: $where {..}, $anchor. Returns: { total }
{{> probe}}
WITH anchors, fanout, COUNT { MATCH (:{{label}}) } AS size, COUNT { MATCH (:Synthetic) } AS synthetic
WITH anchors, anchors IS NULL OR ({{countScan}}) AS scanning
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
