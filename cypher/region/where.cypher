// Fragment: Region filters. Params: $where {nameContains, kind, cluster}
{{> entity/name-contains}}
AND ($where.kind IS NULL OR n.kind = $where.kind)
AND ($where.cluster IS NULL OR EXISTS { (n)-[:PART_OF]->(c:Cluster) WHERE $where.cluster IN [c.key, c.nameEn] + coalesce(c.aliases, []) })
