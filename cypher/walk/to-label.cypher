// Fragment: a walk towards every node of {{toLabel}} that may be walked to, when there are at
// most $maxTargets of them (a search from both sides); otherwise from the start alone.
CALL (a) {
  MATCH (y:{{toLabel}}) WHERE y <> a AND any(l IN labels(y) WHERE l IN $labels) AND {{> asOf}}
  WITH y LIMIT toInteger($maxTargets) + 1
  RETURN collect(y) AS found
}
WITH a, CASE WHEN size(found) <= $maxTargets THEN found ELSE [] END AS ends
