// Names as people type them: each entity's name keys (src/graph/names.ts: loose and core keys of
// its name, English name, short name, aliases and key), indexed whole (the keyword analyzer: a key
// matches only itself), so a lookup by a typed name is an index seek, not a scan of the label.
CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS
FOR (n:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight)
ON EACH [n.nameKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
