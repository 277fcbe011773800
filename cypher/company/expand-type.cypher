// Fragment: companies of the anchor enterprise types.
UNWIND anchors AS a MATCH (n:Company)-[:HAS_TYPE]->(a)
