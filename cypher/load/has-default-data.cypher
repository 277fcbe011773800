// Whether the default data set was loaded (the report's source node exists). Params: none. Returns: { n }
MATCH (s:Source {key: 'report-2025-03'}) RETURN count(s) AS n
