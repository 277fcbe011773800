// The neighbourhood of a node, walked and answered in one statement: the nodes within 1-3 hops
// (slots ring2 and ring3) of the centre under the hub rule of walk/expand-node.cypher (the centre's hub
// groups sampled to their first $take, hubs further out reached but not expanded), the nearest
// $limit of them (by distance, then key), the relationships among those, and the totals.
// A level takes at most $rows relationships, and the levels together $rows (MAX_WALK_ROWS): a
// walk that reaches it is cut there and says it is sampled.
// Params: $fromLabel, $from, $limit, $rows, $props, $degrees, $edgeProps, $totalEdges,
// and those of walk/expand-node ($take is $limit), with {{> asOf}} on `y`.
// Returns no row when the centre does not exist; else { present (false when it did not exist
// yet as of the date asked for: an empty neighbourhood), nodes (nearest first, each with
// __label, __distance and __degree), edges (each once, in its own direction, by ends and type),
// totalNodes, totalEdges (null unless $totalEdges), sampled }.
{{> walk/from-node}}
WITH y, {{> asOf}} AS present
WITH y AS a, present
// Level 0: the centre's relationships, its hub groups sampled. A group that gave $take members
// may hold more: the answer is then sampled. `steps` keeps what each level read ({r, x, y}).
CALL (a, present) {
  WITH a WHERE present
  WITH a AS x, true AS sampled
  {{> walk/expand-node}}
  WITH r, y, forward LIMIT toInteger($rows)
  WITH type(r) AS t, forward, collect({r: r, x: a, y: y}) AS group
  RETURN reduce(all = [], g IN collect(group) | all + g) AS steps, coalesce(max(size(group)), 0) >= $take AS full
}
CALL (a, steps) {
  UNWIND steps AS s
  WITH DISTINCT a, s.y AS y WHERE y <> a
  RETURN collect(y) AS ring1
}
WITH a, present, full, steps, [{n: a, d: 0}] + [n IN ring1 | {n: n, d: 1}] AS reached, ring1 AS frontier, 1 AS level,
     size(steps) AS used
// The further rings, as deep as the walk goes: slots ring2 and ring3 hold viz/neighborhood-ring
// or viz/neighborhood-no-ring, so a shallow walk's plan holds no level it never takes (planned
// cold as of a date: depth 1 in 1.7 s, 2 in 2.6 s, 3 in 3.3 s; one text for all took 3.2-3.6 s
// for every depth, past the 5 s limit on a busy machine).
{{> ring2}}
{{> ring3}}
WITH a, present, full OR used >= $rows AS sampled, reached, steps, level
// The nearest $limit, then the relationships among them, and with $totalEdges among everything
// reached: what the walk read from the nodes it expanded, and the relationships of the outermost
// ring (never expanded) under the same hub rule that end at a node of those.
CALL (reached) {
  UNWIND reached AS e
  // Sorted whole, then cut: ORDER BY with LIMIT (a Top) counted each row it kept at the size of
  // the lists in scope (700 MB of a transaction's memory for 450 of a hub's nodes); a Sort does not.
  WITH e.n AS n, e.d AS d ORDER BY d, n.key
  RETURN collect({n: n, d: d})[0..toInteger($limit)] AS kept
}
WITH a, present, sampled, reached, steps, level, kept, [e IN kept | e.n] AS keptNodes,
     $totalEdges AND size(kept) < size(reached) AS whole
CALL (reached, steps, level, kept, keptNodes, whole) {
  CALL (reached, steps, level, kept, keptNodes, whole) {
    UNWIND steps AS s
    RETURN s.r AS r, s.x AS x, s.y AS y
    UNION ALL
    WITH reached, level, keptNodes, CASE WHEN whole THEN [e IN reached | e.n] ELSE keptNodes END AS among,
         [e IN CASE WHEN whole THEN reached ELSE kept END WHERE e.d = level | e.n] AS outermost
    UNWIND outermost AS x
    WITH among, x, false AS sampled
    {{> walk/expand-node}}
    WITH x, r, y WHERE y IN among
    RETURN r, x, y
  }
  WITH r, x IN keptNodes AND y IN keptNodes AS shown
  WITH DISTINCT r, shown
  WITH r, shown, startNode(r) AS x, endNode(r) AS y
  ORDER BY x.key, type(r), y.key
  RETURN collect(CASE WHEN NOT shown THEN null
                      WHEN $edgeProps THEN r {.*, __type: type(r), __fromLabel: labels(x)[0], __from: x.key,
                                              __toLabel: labels(y)[0], __to: y.key}
                      ELSE {__type: type(r), __fromLabel: labels(x)[0], __from: x.key, __toLabel: labels(y)[0], __to: y.key}
                 END) AS edges, count(r) AS linked
}
WITH present, sampled, reached, kept, edges,
     CASE WHEN NOT $totalEdges THEN null WHEN whole THEN linked ELSE size(edges) END AS counted
UNWIND kept AS e
WITH present, sampled, reached, edges, counted, e.n AS n, e.d AS d
WITH present, sampled, reached, edges, counted, n, d, CASE WHEN $degrees THEN {{> walk/degree}} ELSE 0 END AS degree
WITH present, sampled, reached, edges, counted,
     collect(CASE WHEN $props THEN n {.*, __label: labels(n)[0], __distance: d, __degree: degree}
                  ELSE {name: n.key, key: n.key, __label: labels(n)[0], __distance: d, __degree: degree}
             END) AS nodes
RETURN present, CASE WHEN present THEN nodes ELSE [] END AS nodes, CASE WHEN present THEN edges ELSE [] END AS edges,
       CASE WHEN present THEN size(reached) ELSE 0 END AS totalNodes, CASE WHEN present THEN counted ELSE 0 END AS totalEdges,
       present AND sampled AS sampled
