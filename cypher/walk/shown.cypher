// Fragment: walk/rows (requires side, level, x, r, y, forward), and one row more (null side) with
// what a path found in those rows can show, as walk/details reads it: `shown` { nodes (without
// degrees), rels }, so a search its first statement completes needs no second round trip. Those
// are the ends, the nodes both sides reached (the walk meets there) and the nodes a second level
// left towards one of those, with the relationships between them: every node and relationship of
// a path no longer than the levels read (src/walk/walk.ts, Explored.shown). More than $inlineNodes
// nodes and nothing is shown (the answer's details take a statement of their own).
WITH collect({side: side, level: level, x: x, r: r, y: y, forward: forward}) AS walked
CALL (walked) {
  UNWIND walked AS w
  WITH w.side AS side, w.level AS level, w.x AS x, w.r AS r, w.y AS y, w.forward AS forward
  {{> walk/rows}}
  UNION ALL
  CALL (walked) {
    UNWIND walked AS w
    UNWIND CASE WHEN w.level = 0 THEN [[w.x, true], [w.y, false]] ELSE [[w.y, false]] END AS t
    WITH t[0] AS n, t[1] AS isEnd, w.side AS side
    WHERE n IS NOT NULL
    WITH n, count(DISTINCT side) AS sides, count(CASE WHEN isEnd THEN 1 END) > 0 AS isEnd
    RETURN collect(CASE WHEN sides = 2 THEN n END) AS met, collect(CASE WHEN isEnd THEN n END) AS ends
  }
  CALL (walked, met, ends) {
    UNWIND ends + met + [w IN walked WHERE w.level = 1 AND w.y IN met | w.x] AS n
    WITH DISTINCT n
    RETURN collect(n) AS shown
  }
  WITH walked, met, shown WHERE size(shown) <= $inlineNodes
  CALL (shown) {
    UNWIND shown AS n
    RETURN collect({id: elementId(n), node: n {.*, __label: labels(n)[0]}, degree: null}) AS nodes
  }
  CALL (walked, met, shown) {
    UNWIND walked AS w
    WITH w WHERE w.r IS NOT NULL AND ((w.level = 0 AND w.y IN shown) OR (w.level = 1 AND w.y IN met))
    WITH DISTINCT w.r AS r
    RETURN collect({id: elementId(r), rel: r {.*, __type: type(r)}}) AS rels
  }
  RETURN null AS side, null AS level, null AS from, null AS fromLabel, null AS fromKey, 0 AS read, [] AS steps,
         null AS degree, {nodes: nodes, rels: rels} AS shown
}
RETURN side, level, from, fromLabel, fromKey, read, steps, degree, shown
