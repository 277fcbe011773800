// Up to $batch synthetic node ids, for clearing in bounded transactions. Returns: { id }
MATCH (n:Synthetic) RETURN elementId(n) AS id LIMIT toInteger($batch)
