// One keyset page of a label's nodes, by whichever of two plans is cheaper for this filter:
// - anchored: start from the nodes a selective filter names (a region, a company, ...),
//   read their candidates and sort them; costs about `fanout` rows;
// - scan: read the label through an index that returns it in sort order, check the filters
//   on each node and stop at the page size; costs about limit * (label size / fanout) rows.
// {{anchored}} picks the plan inside the statement, from the probe's degree counts and the
// label's size (both from Neo4j's count store).
// Slots: {{label}}, {{> probe}} (yields anchors, fanout), {{anchorPattern}} (from an anchor a to a candidate n),
// {{> scan}} (the label, through an index), {{> where}}, {{sort}}, {{dir}}, {{cmp}},
// {{anchored}} (condition over anchors, fanout and size), {{scanRange}} (an index-seekable bound on n),
// {{scanOrder}} (the scan's ORDER BY, in index order where an index provides it).
// Params: $where {..} (without the anchoring filter: the anchor pattern checks it), $anchor, $after {sort, key} or null, $limit. Returns: { row } with row.__sort
{{> probe}}
WITH anchors, fanout, COUNT { MATCH (:{{label}}) } AS size
WITH anchors, fanout, NOT ({{anchored}}) AS scanning
CALL (anchors, scanning) {
  WITH anchors, scanning WHERE NOT scanning
  // A candidate reached from two anchors (a model of two named companies) is listed once.
  UNWIND anchors AS a MATCH {{anchorPattern}}
  WITH DISTINCT n WHERE {{> where}}
  WITH n, {{sort}} AS sortValue
  WHERE $after IS NULL OR sortValue {{cmp}} $after.sort OR (sortValue = $after.sort AND n.key {{cmp}} $after.key)
  ORDER BY sortValue {{dir}}, n.key {{dir}}
  LIMIT toInteger($limit)
  RETURN n, sortValue
  UNION ALL
  WITH anchors, scanning WHERE scanning
  {{> scan}}
  WITH n WHERE {{scanRange}} AND (anchors IS NULL OR EXISTS { MATCH {{anchorPattern}} WHERE a IN anchors }) AND ({{> where}})
    AND ($after IS NULL OR {{sort}} {{cmp}} $after.sort OR ({{sort}} = $after.sort AND n.key {{cmp}} $after.key))
  WITH n ORDER BY {{scanOrder}}
  LIMIT toInteger($limit)
  RETURN n, {{sort}} AS sortValue
}
WITH n, sortValue ORDER BY sortValue {{dir}}, n.key {{dir}}
RETURN n {.*, __label: '{{label}}', __sort: sortValue} AS row
