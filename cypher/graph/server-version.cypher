// The Neo4j server's version and edition, for benchmark records. Params: none. Returns: { version, edition }
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
RETURN versions[0] AS version, edition
