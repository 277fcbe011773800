// One level of a walk: the walkable relationships of the frontier nodes, under the hub rule of
// walk/expand-node.cypher. Params: $frontier [element id], and those of walk/expand-node.
// Returns per frontier node with relationships to walk: { i (its index), steps (walk/step) }.
UNWIND range(0, size($frontier) - 1) AS i
MATCH (x) WHERE elementId(x) = $frontier[i]
WITH i, x, false AS sampled
{{> walk/expand-node}}
WITH i, r, y, forward LIMIT toInteger($rows)
RETURN i, collect({{> walk/step}}) AS steps
