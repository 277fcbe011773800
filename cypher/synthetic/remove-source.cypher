// Removes the generated list's source node. Params: $source. Returns: nothing
MATCH (s:Source {key: $source}) DETACH DELETE s
