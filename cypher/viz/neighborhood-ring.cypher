// Fragment of viz/neighborhood.cypher (its slots ring2 and ring3, as deep as the walk goes): the
// next ring. Expands `frontier` (the nodes at distance `level`) unsampled (a hub reached is not
// expanded), within what is left of $rows (`used` so far); what it reads joins `steps`
// ({r, x, y}), and the nodes it reaches that `reached` (a list of {n, d}) does not hold become
// the next frontier, at distance level + 1.
// Yields: a, present, full, steps, reached, frontier, level, used.
CALL (frontier) {
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
     level + 1 AS level, used + size(found) AS used
