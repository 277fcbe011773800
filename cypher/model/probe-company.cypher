// Fragment (param $anchor: the company filter's value): the companies it names, by key or
// canonical name through their indexes, else by English name or alias; and how many models they develop.
OPTIONAL MATCH (byKey:Company {key: $anchor})
OPTIONAL MATCH (byName:Company {name: $anchor})
// A company whose name is its key is found both ways: once is enough (twice listed its models twice).
WITH [x IN [byKey, CASE WHEN byName <> byKey OR byKey IS NULL THEN byName END] WHERE x IS NOT NULL] AS exact
WITH exact + COLLECT {
  MATCH (c:Company) WHERE size(exact) = 0 AND (c.nameEn = $anchor OR $anchor IN c.aliases) RETURN c
} AS anchors
WITH anchors, reduce(total = 0, c IN anchors | total + COUNT { (c)-[:DEVELOPS]->() }) AS fanout
