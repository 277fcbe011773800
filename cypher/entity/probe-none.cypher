// Fragment: no anchoring filter, so no anchor nodes: lists scan the label.
WITH null AS anchors, 0 AS fanout
