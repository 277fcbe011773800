// How many related nodes pass the filter, for many parents at once.
// Slots: {{parent}}, {{pattern}}, {{label}}, {{where}}. Params: $keys, $where. Returns: { key, total }
UNWIND $keys AS key
OPTIONAL MATCH (p:{{parent}} {key: key})
CALL (p) {
  MATCH (p){{pattern}}(n:{{label}})
  WHERE {{> where}}
  RETURN count(n) AS total
}
RETURN key, total
