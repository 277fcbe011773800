// Entities only the report names (no filing list states them), with filing-list entities whose
// name contains one of their names, as suggestions. Slots: {{label}}. Params: $first.
// Returns: { entity, candidates }
MATCH (n:{{label}})
WHERE all(k IN n.sourceKeys WHERE EXISTS { MATCH (s:Source {key: k}) WHERE s.kind = 'REPORT' })
WITH n ORDER BY n.key LIMIT toInteger($first)
CALL (n) {
  MATCH (c:{{label}})
  WHERE c <> n AND any(k IN c.sourceKeys WHERE EXISTS { MATCH (s:Source {key: k}) WHERE s.kind = 'FILING_LIST' })
    AND any(name IN [n.name] + coalesce(n.aliases, []) WHERE size(name) >= 2 AND (c.name CONTAINS name OR name CONTAINS c.name))
  WITH c ORDER BY c.key LIMIT 5
  RETURN collect(c {.*, __label: '{{label}}'}) AS candidates
}
RETURN n {.*, __label: '{{label}}'} AS entity, candidates
