// Upserts relationships of one type between existing nodes; sources are unions.
// Slots: {{from}}, {{to}} (labels), {{type}} (allow-listed). Params: $rows [{from, to, props, sourceKeys}].
// Returns: { missing: [row index whose endpoint does not exist], count }
UNWIND range(0, size($rows) - 1) AS i
WITH i, $rows[i] AS row
OPTIONAL MATCH (a:{{from}} {key: row.from})
OPTIONAL MATCH (b:{{to}} {key: row.to})
CALL (a, b, row) {
  WITH a, b, row WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[r:{{type}}]->(b)
  SET r += row.props,
      r.sourceKeys = reduce(acc = coalesce(r.sourceKeys, []), s IN row.sourceKeys | CASE WHEN s IN acc THEN acc ELSE acc + s END)
  RETURN count(r) AS written
}
RETURN [x IN collect(CASE WHEN written = 0 THEN i END) WHERE x IS NOT NULL] AS missing, sum(written) AS count
