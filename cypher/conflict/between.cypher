// Relationships between two nodes, either direction. Params: $a {label, key}, $b {label, key}.
// Returns: { type, properties, from, to }
MATCH (a {key: $a.key}) WHERE $a.label IN labels(a)
MATCH (b {key: $b.key}) WHERE $b.label IN labels(b)
MATCH (x)-[r]->(y) WHERE (x = a AND y = b) OR (x = b AND y = a)
RETURN type(r) AS type, properties(r) AS properties,
       x {.*, __label: labels(x)[0]} AS from,
       y {.*, __label: labels(y)[0]} AS to
ORDER BY type(r)
