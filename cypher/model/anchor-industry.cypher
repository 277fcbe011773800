// Fragment (param $anchor: the value of the filter it anchors on): models serving the industry the filter names.
MATCH (i:Industry) WHERE $anchor IN [i.key, i.nameEn] + coalesce(i.aliases, [])
MATCH (n:Model)-[:SERVES]->(i)
