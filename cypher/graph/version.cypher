// The graph's change counter. Params: none. Returns: { version } (0 before any write)
OPTIONAL MATCH (v:GraphVersion {key: 'main'})
RETURN coalesce(v.version, 0) AS version
