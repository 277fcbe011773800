// Entities written before name keys existed (or by a statement that does not set them), a batch
// at a time, and entities whose keys an older version of the rules computed. Params: $limit, $version. Returns: { id, label, key, name, nameEn, shortName, aliases }
MATCH (n:Model|Company|Region|Cluster|Industry|Scenario|Policy|EnterpriseType|Insight)
WHERE n.nameKeys IS NULL OR NOT $version IN n.nameKeys
RETURN elementId(n) AS id, [l IN labels(n) WHERE l <> 'Synthetic'][0] AS label, n.key AS key, n.name AS name,
       n.nameEn AS nameEn, n.shortName AS shortName, coalesce(n.aliases, []) AS aliases
LIMIT toInteger($limit)
