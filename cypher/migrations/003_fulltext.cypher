// Search across every entity type by name, English name and aliases. The cjk analyzer
// indexes Chinese as bigrams, so queries of two or more Chinese characters match.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight)
ON EACH [n.name, n.nameEn, n.aliases]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: false } };
