// What one source contributed: models, companies, DEVELOPS and FILED_IN carrying its key.
// Params: $source. Returns: { models, companies, develops, filedIn }
CALL () { MATCH (m:Model) WHERE $source IN m.sourceKeys RETURN count(m) AS models }
CALL () { MATCH (c:Company) WHERE $source IN c.sourceKeys RETURN count(c) AS companies }
CALL () { MATCH (:Company)-[r:DEVELOPS]->(:Model) WHERE $source IN r.sourceKeys RETURN count(r) AS develops }
CALL () { MATCH (:Model)-[r:FILED_IN]->(:Region) WHERE $source IN r.sourceKeys RETURN count(r) AS filedIn }
RETURN models, companies, develops, filedIn
