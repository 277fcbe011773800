// Fragment: Company filters. Params: $where {nameContains, region, enterpriseType, industry, hasFilings}
{{> entity/name-contains}}
AND ($where.region IS NULL OR EXISTS { (n)-[:BASED_IN]->(g:Region) WHERE $where.region IN [g.key, g.name, g.nameEn, g.shortName] + coalesce(g.aliases, []) })
AND ($where.enterpriseType IS NULL OR EXISTS { (n)-[:HAS_TYPE]->(t:EnterpriseType) WHERE $where.enterpriseType IN [t.key, t.nameEn] + coalesce(t.aliases, []) })
AND ($where.industry IS NULL OR EXISTS { (n)-[:DEVELOPS]->(:Model)-[:SERVES]->(i:Industry) WHERE $where.industry IN [i.key, i.nameEn] + coalesce(i.aliases, []) })
AND ($where.hasFilings IS NULL OR EXISTS { (n)-[:DEVELOPS]->(m:Model) WHERE m.filingType = '备案' } = $where.hasFilings)
