// Fragment: companies based in the anchor regions.
UNWIND anchors AS a MATCH (n:Company)-[:BASED_IN]->(a)
