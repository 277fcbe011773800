// Fragment: walk/expand-rows (requires i, r, y, forward), and one row more (null i) with `into`:
// the relationships between the nodes reached here or listed in $check and the nodes of $into
// (a hub end of the other side, whose members the walk sampled), as
// [from (the node reached), rel, to, type, forward, label, key]. Only membership relationships
// can be missing from a sample (vocabulary `many`), so only those are read; each is read with
// both nodes bound (an expand-into: a member's own relationships by type, never the hub's group).
// Params: $check, $into (element ids, [''] for none), $types.
WITH collect({i: i, r: r, y: y, forward: forward}) AS walked
CALL (walked) {
  UNWIND walked AS w
  WITH w.i AS i, w.r AS r, w.y AS y, w.forward AS forward
  RETURN i, collect({{> walk/step}}) AS steps, null AS into
  UNION ALL
  CALL (walked) {
    UNWIND walked AS w
    RETURN w.y AS y
    UNION
    UNWIND $check AS id
    MATCH (y) WHERE elementId(y) = id
    RETURN y
  }
  MATCH (h) WHERE elementId(h) IN $into
  CALL (y, h) {
    MATCH (y)-[r:FILED_IN|BASED_IN|SERVES|APPLIED_IN|HAS_TYPE]->(h) RETURN r, true AS forward
    UNION ALL
    MATCH (y)<-[r:DEVELOPS]-(h) RETURN r, false AS forward
  }
  WITH y, r, h, forward WHERE type(r) IN $types
  RETURN null AS i, [] AS steps,
         collect([elementId(y), elementId(r), elementId(h), type(r), forward, labels(h)[0], h.key]) AS into
}
RETURN i, steps, into
