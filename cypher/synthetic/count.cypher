// Synthetic models and companies in the graph. Params: none. Returns: { models, companies }
CALL () { MATCH (m:Model:Synthetic) RETURN count(m) AS models }
CALL () { MATCH (c:Company:Synthetic) RETURN count(c) AS companies }
RETURN models, companies
