// Fragment: dated models through the filing-date index, which also returns them in date order
// (undated ones follow from the list's tail, entity/list.cypher). `scanning` is false when the
// statement starts from an anchor instead: the seek's bound is then null and finds nothing.
MATCH (n:Model) WHERE n.filingDate >= CASE WHEN scanning THEN '' END
