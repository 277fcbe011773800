// Marks the graph changed, so caches of derived figures (statistics) know to recompute.
// Params: none. Returns: { version }
MERGE (v:GraphVersion {key: 'main'})
SET v.version = coalesce(v.version, 0) + 1
RETURN v.version AS version
