// Filings counted per period (first $length characters of the filing date: 7 = month, 4 = year),
// beside the period figures sources state. Params: $length, $metrics, $asOf (ISO date or null).
// Returns: { total, undated, label, counted, stated }
CALL () {
  MATCH (m:Model) WHERE m.filingType = '备案'
  RETURN count(CASE WHEN $asOf IS NULL OR m.filingDate <= $asOf THEN 1 END) AS total,
         count(CASE WHEN $asOf IS NOT NULL AND m.filingDate IS NULL THEN 1 END) AS undated
}
CALL () {
  MATCH (m:Model) WHERE m.filingType = '备案' AND m.filingDate IS NOT NULL
    AND ($asOf IS NULL OR m.filingDate <= $asOf)
  RETURN substring(m.filingDate, 0, toInteger($length)) AS label, count(m) AS counted
  UNION
  MATCH (c:Claim) WHERE c.metric IN $metrics AND c.period IS NOT NULL AND size(c.period) = $length
  RETURN c.period AS label, 0 AS counted
}
WITH total, undated, label, sum(counted) AS counted
WHERE $asOf IS NULL OR label <= $asOf
OPTIONAL MATCH (c:Claim) WHERE c.metric IN $metrics AND c.period = label
RETURN total, undated, label, counted, collect(c {.*, __label: 'Claim'}) AS stated
ORDER BY label
