// Bench floor: the first 100 regions by name, each with its number of filed models, counted
// in the degree store. Returns: { name, models }
MATCH (g:Region) WHERE g.name IS NOT NULL
WITH g ORDER BY g.name LIMIT 100
RETURN g.name AS name, COUNT { (g)<-[:FILED_IN]-() } AS models
