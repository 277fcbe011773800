// The first level of a walk: finds its start by key (and, for a search between two ends, the
// other end, or every node of the target label when there are at most $maxTargets of them),
// then expands them as walk/expand.cypher does: the start's hub groups sampled, the other ends'
// only when $sampleEnds (one end to meet; a label's every node has hubs too big to sample usefully).
// Slots: {{> toEnd}} (walk/to-none, walk/to-node or walk/to-label, yielding `ends`).
// Params: $fromLabel, $from, $toLabel, $to, $maxTargets, $sampleEnds, $rows (at most this many rows), and those of walk/expand-node.
// A start that did not exist as of the date asked for is not found (no walk from it).
// Returns per relationship: { side, from, fromLabel, fromKey, rel, to, type, forward, label, key },
// and a row with a null rel for each end found (so an end without walkable relationships is still known).
{{> walk/from-node}}
WITH y WHERE {{> asOf}}
WITH y AS a
{{> toEnd}}
UNWIND [{node: a, side: 'a'}] + [b IN ends | {node: b, side: 'b'}] AS s
WITH s.node AS x, s.side AS side, s.side = 'a' OR $sampleEnds AS sampled
CALL (x, sampled) {
  {{> walk/expand-node}}
  RETURN elementId(r) AS rel, elementId(y) AS to, type(r) AS type, forward, labels(y)[0] AS label, y.key AS key
  UNION ALL
  RETURN null AS rel, null AS to, null AS type, null AS forward, null AS label, null AS key
}
RETURN side, elementId(x) AS from, labels(x)[0] AS fromLabel, x.key AS fromKey, rel, to, type, forward, label, key
LIMIT toInteger($rows)
