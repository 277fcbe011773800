// Fragment (param $anchor: the region filter's value): the regions it names, and how many companies are based in them.
MATCH (a:Region) WHERE $anchor IN [a.key, a.name, a.nameEn, a.shortName] + coalesce(a.aliases, [])
WITH collect(a) AS anchors, sum(COUNT { (a)<-[:BASED_IN]-() }) AS fanout
