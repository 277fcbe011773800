// Filings counted per category as of a date, beside the claims sources state about the category.
// Slots: {{label}} (category label), {{pattern}} (from category to model), {{> scope}} (category filter on x).
// Params: $metrics [claim metric], $asOf (ISO date or null: the date of the dimension's newest
// dated claim, or no limit when it has none).
// Returns: { asOf, total, undated, categorized, category, label, counted, stated }
CALL () {
  OPTIONAL MATCH (x:{{label}})<-[:ABOUT]-(c:Claim) WHERE c.metric IN $metrics AND c.asOf IS NOT NULL AND {{> scope}}
  RETURN coalesce($asOf, max(c.asOf)) AS asOf
}
CALL (asOf) {
  MATCH (m:Model) WHERE m.filingType = '备案'
  WITH m, asOf IS NULL OR m.filingDate <= asOf AS counts
  OPTIONAL MATCH (x:{{label}}){{pattern}}(m) WHERE counts AND {{> scope}}
  WITH m, counts, count(x) AS categories
  RETURN count(CASE WHEN counts THEN 1 END) AS total,
         count(CASE WHEN asOf IS NOT NULL AND m.filingDate IS NULL THEN 1 END) AS undated,
         count(CASE WHEN counts AND categories > 0 THEN 1 END) AS categorized
}
MATCH (x:{{label}}) WHERE {{> scope}}
OPTIONAL MATCH (x){{pattern}}(m:Model)
  WHERE m.filingType = '备案' AND (asOf IS NULL OR m.filingDate <= asOf)
WITH asOf, total, undated, categorized, x, count(DISTINCT m) AS counted
OPTIONAL MATCH (x)<-[:ABOUT]-(c:Claim) WHERE c.metric IN $metrics AND (asOf IS NULL OR {{> claim/known-from}} <= asOf)
WITH asOf, total, undated, categorized, x, counted, c ORDER BY c.asOf IS NULL, c.asOf DESC, c.key
RETURN asOf, total, undated, categorized, x {.*, __label: '{{label}}'} AS category, x.name AS label, counted,
       collect(c {.*, __label: 'Claim'}) AS stated
