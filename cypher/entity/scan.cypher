// Fragment: every node of the label (types with few nodes), when `scanning`.
MATCH (n:{{label}}) WHERE scanning
