// Models and companies in the graph (real and generated alike). Params: none. Returns: { models, companies }
CALL () { MATCH (m:Model) RETURN count(m) AS models }
CALL () { MATCH (c:Company) RETURN count(c) AS companies }
RETURN models, companies
