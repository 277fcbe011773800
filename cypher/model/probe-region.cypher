// Fragment (param $anchor: the region filter's value): the regions it names, and how many
// models are filed in them (from the degree store, without reading them).
MATCH (a:Region) WHERE $anchor IN [a.key, a.name, a.nameEn, a.shortName] + coalesce(a.aliases, [])
WITH collect(a) AS anchors, sum(COUNT { (a)<-[:FILED_IN]-() }) AS fanout
