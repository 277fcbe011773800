// Filings counted per category beside the claims sources state about the category.
// Slots: {{label}} (category label), {{pattern}} (from category to model), {{> scope}} (category filter on x).
// Params: $metrics [claim metric], $synthetic (count the generated register instead of the real one). Returns: { total, categorized, category, label, counted, stated }
CALL () {
  MATCH (m:Model) WHERE m.filingType = '备案' AND coalesce(m.synthetic, false) = $synthetic
  OPTIONAL MATCH (x:{{label}}){{pattern}}(m) WHERE {{> scope}}
  WITH m, count(x) AS categories
  RETURN count(m) AS total, count(CASE WHEN categories > 0 THEN 1 END) AS categorized
}
MATCH (x:{{label}}) WHERE {{> scope}}
OPTIONAL MATCH (x){{pattern}}(m:Model) WHERE m.filingType = '备案' AND coalesce(m.synthetic, false) = $synthetic
WITH total, categorized, x, count(DISTINCT m) AS counted
OPTIONAL MATCH (x)<-[:ABOUT]-(c:Claim) WHERE c.metric IN $metrics
RETURN total, categorized, x {.*, __label: '{{label}}'} AS category, x.name AS label, counted,
       collect(c {.*, __label: 'Claim'}) AS stated
