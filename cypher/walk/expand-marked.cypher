// Fragment: walk/expand-node for `x` (requires `x` and `sampled`), and one row more with null
// r, y and forward, so a node is known to be expanded even when it has nothing to walk.
// Yields: r, y, forward.
CALL (x, sampled) {
  {{> walk/expand-node}}
  RETURN r, y, forward
  UNION ALL
  RETURN null AS r, null AS y, null AS forward
}
