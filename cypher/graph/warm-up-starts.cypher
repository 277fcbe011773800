// A company and a policy for the start-up warm-up to walk from and to (src/http/warm-up.ts): the
// company with the most relationships among the first few, so its walks take the shapes real ones do.
// Params: none. Returns: { label, key }
CALL () {
  MATCH (n:Company) WITH n LIMIT 20
  RETURN 'Company' AS label, n.key AS key ORDER BY COUNT { (n)--() } DESC, key LIMIT 1
  UNION ALL
  MATCH (n:Policy) WITH n LIMIT 1
  RETURN 'Policy' AS label, n.key AS key
}
RETURN label, key
