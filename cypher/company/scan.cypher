// Fragment: real or synthetic companies, through the (synthetic, name) index, which also
// returns them in name order. `scanning` is false when the statement starts from an anchor
// instead: the seek then finds nothing (a filter after the seek would still read the index).
MATCH (n:Company) WHERE n.synthetic = CASE WHEN scanning THEN coalesce($where.synthetic, false) END
