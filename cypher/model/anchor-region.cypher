// Fragment (param $anchor: the value of the filter it anchors on): models filed in the region the filter names, found from the region's side.
MATCH (g:Region) WHERE $anchor IN [g.key, g.name, g.nameEn, g.shortName] + coalesce(g.aliases, [])
MATCH (n:Model)-[:FILED_IN]->(g)
