// Fragment of viz/neighborhood.cypher: the next ring of the walk, while `level` (the distance of
// `frontier`) is less than $depth; nothing otherwise. Expands `frontier` unsampled (a hub reached
// is not expanded), within what is left of $rows (`used` so far); what it reads joins `steps`
// ({r, x, y}), and the nodes it reaches that `reached` (a list of {n, d}) does not hold become
// the next frontier, at distance level + 1.
// Yields: a, present, full, steps, reached, frontier, level, used.
CALL (frontier, level) {
  WITH frontier WHERE level < $depth
  UNWIND frontier AS x
  WITH x, false AS sampled
  {{> walk/expand-node}}
  WITH x, r, y LIMIT toInteger($rows)
  RETURN collect({r: r, x: x, y: y}) AS read
}
WITH a, present, full, steps, reached, level, used, read[0..toInteger($rows) - used] AS found
CALL (reached, level, found) {
  UNWIND reached + [s IN found | {n: s.y, d: level + 1}] AS e
  WITH level, e.n AS n, min(e.d) AS d
  RETURN collect({n: n, d: d}) AS merged, collect(CASE WHEN d = level + 1 THEN n END) AS next
}
WITH a, present, full, steps + found AS steps, merged AS reached, next AS frontier,
     CASE WHEN level < $depth THEN level + 1 ELSE level END AS level, used + size(found) AS used
