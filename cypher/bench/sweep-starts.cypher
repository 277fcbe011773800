// The traversal sweep's starts with --from any: keys of the entities of each label (at most
// 5,000 of a label: a generated register has 346,000 models), never $except (the policy its
// path fields end at). Params: $labels, $except. Returns: { label, keys }
UNWIND $labels AS label
CALL (label) {
  MATCH (n:$(label)) WHERE n.key <> $except
  WITH n LIMIT 5000
  RETURN collect(n.key) AS keys
}
RETURN label, keys
