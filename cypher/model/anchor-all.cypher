// Fragment: real or synthetic models, through the (synthetic, name) index.
MATCH (n:Model) WHERE n.synthetic = coalesce($where.synthetic, false)
