// How many nodes of a label pass the filter, without loading them. Slots: {{label}}, {{> anchor}}, {{> where}}.
// Params: $where {..}. Returns: { total }
{{> anchor}}
WITH n WHERE {{> where}}
RETURN count(n) AS total
