// Every node and relationship with its properties, in a stable order, so a test can count and
// checksum the graph. Params: none. Returns: { kind, item }
MATCH (n) WHERE NOT n:Migration AND NOT n:GraphVersion
RETURN 'node' AS kind, {labels: labels(n), props: properties(n)} AS item
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'rel' AS kind, {type: type(r), from: a.key, to: b.key, props: properties(r)} AS item
