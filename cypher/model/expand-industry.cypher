// Fragment: models serving the anchor industries.
UNWIND anchors AS a MATCH (n:Model)-[:SERVES]->(a)
