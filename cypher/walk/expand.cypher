// One level of a walk: the walkable relationships of the frontier nodes, under the hub rule of
// walk/expand-node.cypher. Params: $frontier [element id], and those of walk/expand-node.
// Returns per relationship, as little as a walk needs: { i (the frontier node's index), rel,
// to, type, forward, label, key }
UNWIND range(0, size($frontier) - 1) AS i
MATCH (x) WHERE elementId(x) = $frontier[i]
WITH i, x, false AS sampled
{{> walk/expand-node}}
RETURN i, elementId(r) AS rel, elementId(y) AS to, type(r) AS type, forward, labels(y)[0] AS label, y.key AS key
LIMIT toInteger($rows)
