// Every name the resolver may match a filing row against. Params: none.
// Returns: { label, key, names: [string], filingNumber, filingRef, developers: [company key], filingPrefix, kind }
MATCH (n)
WHERE n:Company OR n:Model OR n:Region
RETURN CASE WHEN n:Company THEN 'Company' WHEN n:Model THEN 'Model' ELSE 'Region' END AS label,
       n.key AS key,
       [x IN [n.name, n.nameEn, n.shortName, n.code, n.filingPrefix] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names,
       n.filingNumber AS filingNumber,
       n.filingRef AS filingRef,
       n.filingPrefix AS filingPrefix,
       n.kind AS kind,
       [(c:Company)-[:DEVELOPS]->(n) | c.key] AS developers
