// Bench floor: a company by key. Params: $key. Returns: { row }
MATCH (c:Company {key: $key}) RETURN c {.key, .name, .nameEn} AS row
