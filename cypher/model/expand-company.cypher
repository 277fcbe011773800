// Fragment: models the anchor companies develop.
UNWIND anchors AS a MATCH (a)-[:DEVELOPS]->(n:Model)
