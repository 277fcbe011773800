// Fragment: Scenario filters. Params: $where {nameContains, hot, industry}
{{> entity/name-contains}}
AND ($where.hot IS NULL OR coalesce(n.hot, false) = $where.hot)
AND ($where.industry IS NULL OR EXISTS { (n)-[:IN_INDUSTRY]->(i:Industry) WHERE $where.industry IN [i.key, i.nameEn] + coalesce(i.aliases, []) })
