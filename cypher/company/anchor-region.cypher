// Fragment (param $anchor: the value of the filter it anchors on): companies based in the region the filter names, found from the region's side.
MATCH (g:Region) WHERE $anchor IN [g.key, g.name, g.nameEn, g.shortName] + coalesce(g.aliases, [])
MATCH (n:Company)-[:BASED_IN]->(g)
