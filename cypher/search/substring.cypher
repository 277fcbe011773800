// Substring search for one-character Chinese queries, which bigram indexes cannot match.
// Params: $text, $labels [label], $first. Returns: { row, score }
MATCH (n)
WHERE (n:Model OR n:Company OR n:Region OR n:Cluster OR n:Industry OR n:Scenario OR n:Policy OR n:EnterpriseType OR n:Insight)
  AND (n.name CONTAINS $text OR any(a IN coalesce(n.aliases, []) WHERE a CONTAINS $text))
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
WHERE label IS NOT NULL
RETURN n {.*, __label: label} AS row, CASE WHEN n.name STARTS WITH $text THEN 1.0 ELSE 0.5 END AS score
ORDER BY score DESC, size(n.name), n.key
LIMIT toInteger($first)
