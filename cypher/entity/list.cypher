// One keyset page of a label's nodes, by whichever of two plans is cheaper for this filter:
// - anchored: start from the nodes a selective filter names (a region, a company, ...),
//   read their candidates and sort them; costs about `fanout` rows;
// - scan: read the label through an index that returns it in sort order, check the filters
//   on each node and stop at the page size; costs about limit * (label size / fanout) rows.
//   An index holds no node without the property (an undated model): where the order puts
//   those last, they follow in key order when the indexed ones do not fill the page (the tail).
// {{anchored}} picks the plan inside the statement, from the probe's degree counts and the
// label's size (both from Neo4j's count store).
// Slots: {{label}}, {{> probe}} (yields anchors, fanout), {{anchorPattern}} (from an anchor a to a candidate n),
// {{> scan}} (the label, through an index), {{> where}}, {{sort}}, {{dir}}, {{cmp}},
// {{anchored}} (condition over anchors, fanout and size), {{scanRange}} (an index-seekable bound on n),
// {{scanOrder}} (the scan's ORDER BY, in index order where an index provides it),
// {{tail}} (when the tail may hold candidates), {{tailTest}} (a node of the tail: not in the scan's index).
// {{>> children}} reads each row's nested pages and counts (src/entity/prefetch.ts), {{nested}} is their map (or null).
// {{props}}: the properties each row carries (.* or some: src/entity/projection.ts).
// Params: $where {..} (without the anchoring filter: the anchor pattern checks it), $anchor, $after {sort, key} or null, $limit.
// Returns: { row, nested } with row.__sort
{{> probe}}
WITH anchors, fanout, COUNT { MATCH (:{{label}}) } AS size
WITH anchors, fanout, NOT ({{anchored}}) AS scanning
WITH anchors, scanning, COLLECT {
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
RETURN {n: n, sortValue: sortValue}
} AS found
CALL (anchors, scanning, found) {
  WITH anchors, found WHERE scanning AND {{tail}} AND size(found) < $limit
  RETURN found + COLLECT {
    MATCH (n:{{label}}) WHERE {{tailTest}} AND (anchors IS NULL OR EXISTS { MATCH {{anchorPattern}} WHERE a IN anchors }) AND ({{> where}})
      AND ($after IS NULL OR {{sort}} {{cmp}} $after.sort OR ({{sort}} = $after.sort AND n.key {{cmp}} $after.key))
    WITH n ORDER BY n.key {{dir}}
    LIMIT toInteger($limit)
    RETURN {n: n, sortValue: {{sort}}}
  } AS rows
  UNION ALL
  WITH found WHERE NOT (scanning AND {{tail}} AND size(found) < $limit)
  RETURN found AS rows
}
UNWIND rows AS r
WITH r.n AS n, r.sortValue AS sortValue ORDER BY sortValue {{dir}}, n.key {{dir}}
LIMIT toInteger($limit)
{{>> children}}
RETURN n { {{props}}, __label: '{{label}}', __sort: sortValue} AS row, {{nested}} AS nested
