// Fragment: a walk towards one node, {{toLabel}} {key: $to}, when it may be walked to (its
// label allowed, and it existed as of the date asked for); none otherwise.
OPTIONAL MATCH (y:{{toLabel}} {key: $to}) WHERE y <> a AND any(l IN labels(y) WHERE l IN $labels) AND {{> asOf}}
WITH a, collect(y) AS ends
