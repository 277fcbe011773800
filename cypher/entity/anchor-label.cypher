// Fragment: every node of the label (types with no selective filter).
MATCH (n:{{label}})
