// Filings counted per period (first $length characters of the filing date: 7 = month, 4 = year),
// beside the period figures sources state. Params: $length, $metrics, $synthetic. Returns: { total, label, counted, stated }
CALL () {
  MATCH (m:Model) WHERE m.filingType = '备案' AND coalesce(m.synthetic, false) = $synthetic
  RETURN count(m) AS total
}
CALL () {
  MATCH (m:Model) WHERE m.filingType = '备案' AND coalesce(m.synthetic, false) = $synthetic AND m.filingDate IS NOT NULL
  RETURN substring(m.filingDate, 0, toInteger($length)) AS label, count(m) AS counted
  UNION
  MATCH (c:Claim) WHERE c.metric IN $metrics AND c.period IS NOT NULL AND size(c.period) = $length
  RETURN c.period AS label, 0 AS counted
}
WITH total, label, sum(counted) AS counted
OPTIONAL MATCH (c:Claim) WHERE c.metric IN $metrics AND c.period = label
RETURN total, label, counted, collect(c {.*, __label: 'Claim'}) AS stated
ORDER BY label
