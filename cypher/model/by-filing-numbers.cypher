// Models by filing number (备案编号), matched exactly as written (the unique index). Params: $keys [filing number]. Returns: { key, row }
UNWIND $keys AS key
MATCH (n:Model {filingNumber: key})
RETURN key, n {.*, __label: 'Model'} AS row
