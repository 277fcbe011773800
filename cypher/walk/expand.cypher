// One level of a walk: the walkable relationships of the frontier nodes, under the hub rule of
// walk/expand-node.cypher. Params: $frontier [element id], and those of walk/expand-node.
// Slot: {{> finish}}: walk/expand-rows, or walk/expand-into (those rows, and the relationships
// between the nodes reached and a hub end of the other side: src/walk/walk.ts, explore).
// Returns per frontier node with relationships to walk: { i (its index), steps (walk/step), into (null) }.
UNWIND range(0, size($frontier) - 1) AS i
MATCH (x) WHERE elementId(x) = $frontier[i]
WITH i, x, false AS sampled
{{> walk/expand-node}}
WITH i, r, y, forward LIMIT toInteger($rows)
{{> finish}}
