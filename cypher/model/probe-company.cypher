// Fragment (param $anchor: the company filter's value): the companies it names, by key or
// canonical name through their indexes, else by English name or alias; and how many models they develop.
OPTIONAL MATCH (byKey:Company {key: $anchor})
OPTIONAL MATCH (byName:Company {name: $anchor})
WITH [x IN [byKey, byName] WHERE x IS NOT NULL] AS exact
WITH exact + COLLECT {
  MATCH (c:Company) WHERE size(exact) = 0 AND (c.nameEn = $anchor OR $anchor IN c.aliases) RETURN c
} AS anchors
WITH anchors, reduce(total = 0, c IN anchors | total + COUNT { (c)-[:DEVELOPS]->() }) AS fanout
