// Fragment: Model filters. Params: $where {nameContains, region, company, industry, scenario, filedFrom, filedTo, hasFilingNumber}
{{> entity/name-contains}}
AND ($where.region IS NULL OR EXISTS { (n)-[:FILED_IN]->(g:Region) WHERE $where.region IN [g.key, g.name, g.nameEn, g.shortName] + coalesce(g.aliases, []) })
AND ($where.company IS NULL OR EXISTS { (c:Company)-[:DEVELOPS]->(n) WHERE $where.company IN [c.key, c.name, c.nameEn] + coalesce(c.aliases, []) })
AND ($where.industry IS NULL OR EXISTS { (n)-[:SERVES]->(i:Industry) WHERE $where.industry IN [i.key, i.nameEn] + coalesce(i.aliases, []) })
AND ($where.scenario IS NULL OR EXISTS { (n)-[:APPLIED_IN]->(s:Scenario) WHERE $where.scenario IN [s.key, s.nameEn] + coalesce(s.aliases, []) })
AND ($where.filedFrom IS NULL OR n.filingDate >= $where.filedFrom)
AND ($where.filedTo IS NULL OR n.filingDate <= $where.filedTo)
AND ($where.hasFilingNumber IS NULL OR (n.filingNumber IS NOT NULL) = $where.hasFilingNumber)
