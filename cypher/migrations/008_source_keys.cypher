// What a source states, found by its key: each entity's and relationship's sourceKeys, indexed
// whole (the keyword analyzer: a key matches only itself), so a source's content is an index
// lookup, not a scan of every node and relationship (1.1-1.5 s at 1000x). Every relationship
// type but ABOUT (a claim's subject, not a stated relationship).
CREATE FULLTEXT INDEX entity_source_keys IF NOT EXISTS
FOR (n:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight)
ON EACH [n.sourceKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX relationship_source_keys IF NOT EXISTS
FOR ()-[r:DEVELOPS|FILED_IN|BASED_IN|SERVES|APPLIED_IN|IN_INDUSTRY|PART_OF|WITHIN|FOCUSES_ON|HAS_TYPE|PROMOTES|REGULATES|APPLIES_TO|EXEMPLIFIES|MENTIONS]-()
ON EACH [r.sourceKeys]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword', `fulltext.eventually_consistent`: false } };
// And the figures a source states, by their source's key.
CREATE INDEX claim_source_key IF NOT EXISTS FOR (n:Claim) ON (n.sourceKey);
