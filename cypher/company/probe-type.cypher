// Fragment (param $anchor: the enterprise-type filter's value): the types it names, and how many companies have them.
MATCH (a:EnterpriseType) WHERE $anchor IN [a.key, a.nameEn] + coalesce(a.aliases, [])
WITH collect(a) AS anchors, sum(COUNT { (a)<-[:HAS_TYPE]-() }) AS fanout
