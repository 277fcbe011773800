// Fragment: models through the name index, which also returns them in name order.
// `scanning` is false when the statement starts from an anchor instead: the seek's bound is
// then null and finds nothing (a filter after the seek would still read the index).
MATCH (n:Model) WHERE n.name >= CASE WHEN scanning THEN '' END
