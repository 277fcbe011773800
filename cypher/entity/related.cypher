// Keyset pages of related nodes for many parents at once (one round trip per level, or one in
// all when the levels below are read here too: {{>> children}}, src/entity/prefetch.ts).
// Slots: {{parent}} (label), and entity/related-page's.
// Params: $keys [parent key], and entity/related-page's.
// Returns: { key, rows: [{row, rel, nested}] }
UNWIND $keys AS key
OPTIONAL MATCH (p:{{parent}} {key: key})
{{> entity/related-page}}
RETURN key, rows
