// The first level of a walk: finds its start by key (and, for a search between two ends, the
// other end, or every node of the target label when there are at most $maxTargets of them),
// then expands them as walk/expand.cypher does: the start's hub groups sampled, the other ends'
// only when $sampleEnds (one end to meet; a label's every node has hubs too big to sample usefully).
// Slots: {{> toEnd}} (walk/to-node or walk/to-label, yielding `ends`); {{> finish}} (walk/rows,
// or walk/shown: the same rows and what a path found in them shows).
// Params: $fromLabel, $from, $toLabel, $to, $maxTargets, $sampleEnds, $deeperA, $deeperB,
// $deeperSmaller, $smallRing, $rows (at most this many rows), $degrees, and those of walk/expand-node.
// A start that did not exist as of the date asked for is not found (no walk from it).
// With $deeperA / $deeperB, the second level of that side too; with $deeperSmaller, of the side
// with the smaller first ring (one round trip fewer).
// Returns per node expanded (so an end without walkable relationships is still known): { side, level
// (of `from`: 0 or 1), from, fromLabel, fromKey, read (rows of the $rows it took), steps (walk/step),
// degree (with $degrees; walk/rows) },
// and with walk/shown one row more, with a null side and `shown` (walk/shown).
{{> walk/from-node}}
WITH y WHERE {{> asOf}}
WITH y AS a
{{> toEnd}}
UNWIND [{node: a, side: 'a'}] + [b IN ends | {node: b, side: 'b'}] AS s
WITH s.node AS x, s.side AS side, s.side = 'a' OR $sampleEnds AS sampled
{{> walk/expand-marked}}
WITH collect({side: side, x: x, r: r, y: y, forward: forward}) AS first, collect(DISTINCT x) AS level0,
     collect(DISTINCT CASE WHEN side = 'a' THEN y END) AS reachedA,
     collect(DISTINCT CASE WHEN side = 'b' THEN y END) AS reachedB
// A search that alternates sides expands next the side whose first ring is smaller (a on a tie):
// with $deeperSmaller, that side's second level comes in this round trip too, while its ring
// holds fewer than $smallRing nodes (what the search would read next anyway, unless the first
// rings already hold its paths; nothing when either end has nothing to walk: no path).
WITH first, level0, reachedA,
     CASE WHEN NOT $deeperSmaller OR size(reachedA) = 0 OR size(reachedB) = 0 THEN ''
          WHEN size(reachedA) <= size(reachedB) THEN CASE WHEN size(reachedA) < $smallRing THEN 'a' ELSE '' END
          ELSE CASE WHEN size(reachedB) < $smallRing THEN 'b' ELSE '' END
     END AS smaller
CALL (first, level0, reachedA, smaller) {
  UNWIND first AS f
  RETURN f.side AS side, f.x AS x, f.r AS r, f.y AS y, f.forward AS forward, 0 AS level
  UNION ALL
  // The second level in the same round trip, for the sides $deeperA and $deeperB ask for: the
  // nodes the first level reached, not yet expanded, unsampled. A row with a null rel marks each
  // node expanded.
  UNWIND first AS f
  WITH f, level0, reachedA
  WHERE f.y IS NOT NULL AND NOT f.y IN level0
    AND ((f.side = 'a' AND $deeperA) OR (f.side = 'b' AND $deeperB) OR f.side = smaller)
  WITH DISTINCT f.side AS side, f.y AS x
  WITH side, x, false AS sampled
  {{> walk/expand-marked}}
  RETURN side, x, r, y, forward, 1 AS level
}
WITH side, level, x, r, y, forward LIMIT toInteger($rows)
{{> finish}}
