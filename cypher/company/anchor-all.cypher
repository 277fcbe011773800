// Fragment: real or synthetic companies, through the (synthetic, name) index.
MATCH (n:Company) WHERE n.synthetic = coalesce($where.synthetic, false)
