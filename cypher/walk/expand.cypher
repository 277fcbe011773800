// One level of a walk: the walkable relationships of the frontier nodes (by element id),
// under the hub rule of walk/expand-node.cypher. Params: $frontier [{id, side, sampled}],
// and those of walk/expand-node. Returns per relationship: { side, from, rel, to, type,
// forward, label, key }
UNWIND $frontier AS f
MATCH (x) WHERE elementId(x) = f.id
WITH x, f.side AS side, f.sampled AS sampled
{{> walk/expand-node}}
RETURN side, elementId(x) AS from, elementId(r) AS rel, elementId(y) AS to, type(r) AS type, forward,
       labels(y)[0] AS label, y.key AS key
