// Fragment (param $anchor: the value of the filter it anchors on): models of the company the filter names: by key or canonical name through their
// indexes, else by English name or alias.
OPTIONAL MATCH (byKey:Company {key: $anchor})
OPTIONAL MATCH (byName:Company {name: $anchor})
WITH [x IN [byKey, byName] WHERE x IS NOT NULL] AS exact
WITH exact + COLLECT {
  MATCH (c:Company) WHERE size(exact) = 0 AND (c.nameEn = $anchor OR $anchor IN c.aliases) RETURN c
} AS companies
UNWIND companies AS c
MATCH (c)-[:DEVELOPS]->(n:Model)
