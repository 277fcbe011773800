// Marks a migration applied. Params: $id. Returns nothing.
MERGE (m:Migration {id: $id}) ON CREATE SET m.appliedAt = datetime()
