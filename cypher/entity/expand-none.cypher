// Fragment: the anchored branch when there is no anchor (never taken: anchors is null).
UNWIND [] AS a MATCH (n:{{label}})
