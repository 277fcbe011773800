// The graph as of a date, for the node variable `y` of a path or neighbourhood: with $asOf set
// (an ISO date; null means no limit), a model only once filed, a policy only once issued, a
// company only once it has a filing; what carries no date is always there.
($asOf IS NULL OR (
  (NOT y:Model OR y.filingDate IS NULL OR y.filingDate <= $asOf)
  AND (NOT y:Policy OR y.issuedOn IS NULL OR y.issuedOn <= $asOf)
  AND (NOT y:Company OR NOT EXISTS { (y)-[:DEVELOPS]->(f:Model) WHERE f.filingDate IS NOT NULL }
       OR EXISTS { (y)-[:DEVELOPS]->(f:Model) WHERE f.filingDate <= $asOf })
))
