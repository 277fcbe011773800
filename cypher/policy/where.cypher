// Fragment: Policy filters. Params: $where {nameContains, level, issuedFrom, issuedTo, region}
{{> entity/name-contains}}
AND ($where.level IS NULL OR n.level = $where.level)
AND ($where.issuedFrom IS NULL OR n.issuedOn >= $where.issuedFrom)
AND ($where.issuedTo IS NULL OR n.issuedOn <= $where.issuedTo)
AND ($where.region IS NULL OR EXISTS { (n)-[:APPLIES_TO]->(g:Region) WHERE $where.region IN [g.key, g.name, g.nameEn, g.shortName] + coalesce(g.aliases, []) })
