// The size of a walk's next ring without reading it out: how many nodes the frontier (element
// ids) reaches that are not in $seen, under the hub rule of walk/expand-node.cypher. For a
// neighbourhood whose kept nodes all lie nearer, only the total depends on the outer ring.
// Params: $frontier [element id], $seen [element id], and those of walk/expand-node.
// Returns: { reached }
UNWIND $frontier AS id
MATCH (x) WHERE elementId(x) = id
WITH x, false AS sampled
{{> walk/expand-node}}
WITH DISTINCT y WHERE NOT elementId(y) IN $seen
RETURN count(y) AS reached
