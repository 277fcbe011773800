// Fragment of viz/neighborhood.cypher: no further ring (the walk is not that deep).
// Yields: a, present, full, steps, reached, frontier, level, used.
WITH a, present, full, steps, reached, frontier, level, used
