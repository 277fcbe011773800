// How many nodes of a label pass the filter, without loading them. Slots: {{label}}, {{where}}.
// Params: $where {..}. Returns: { total }
MATCH (n:{{label}})
WHERE {{> where}}
RETURN count(n) AS total
