// Fragment (param $anchor: the industry filter's value): the industries it names, and how many models serve them.
MATCH (a:Industry) WHERE $anchor IN [a.key, a.nameEn] + coalesce(a.aliases, [])
WITH collect(a) AS anchors, sum(COUNT { (a)<-[:SERVES]-() }) AS fanout
