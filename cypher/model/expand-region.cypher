// Fragment: models filed in the anchor regions.
UNWIND anchors AS a MATCH (n:Model)-[:FILED_IN]->(a)
