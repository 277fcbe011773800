// Fragment (an expression over node `n`): its relationships of the types in $types, counted
// on a node of at most $hub relationships, and read from the degree store type by type on a
// bigger one (a type test in a WHERE would read each of its relationships).
CASE
  WHEN COUNT { (n)--() } <= $hub THEN COUNT { (n)-[q]-() WHERE type(q) IN $types }
  ELSE reduce(s = 0, c IN [
    CASE WHEN 'DEVELOPS' IN $types THEN COUNT { (n)-[:DEVELOPS]-() } ELSE 0 END,
    CASE WHEN 'FILED_IN' IN $types THEN COUNT { (n)-[:FILED_IN]-() } ELSE 0 END,
    CASE WHEN 'BASED_IN' IN $types THEN COUNT { (n)-[:BASED_IN]-() } ELSE 0 END,
    CASE WHEN 'SERVES' IN $types THEN COUNT { (n)-[:SERVES]-() } ELSE 0 END,
    CASE WHEN 'APPLIED_IN' IN $types THEN COUNT { (n)-[:APPLIED_IN]-() } ELSE 0 END,
    CASE WHEN 'IN_INDUSTRY' IN $types THEN COUNT { (n)-[:IN_INDUSTRY]-() } ELSE 0 END,
    CASE WHEN 'PART_OF' IN $types THEN COUNT { (n)-[:PART_OF]-() } ELSE 0 END,
    CASE WHEN 'WITHIN' IN $types THEN COUNT { (n)-[:WITHIN]-() } ELSE 0 END,
    CASE WHEN 'FOCUSES_ON' IN $types THEN COUNT { (n)-[:FOCUSES_ON]-() } ELSE 0 END,
    CASE WHEN 'HAS_TYPE' IN $types THEN COUNT { (n)-[:HAS_TYPE]-() } ELSE 0 END,
    CASE WHEN 'PROMOTES' IN $types THEN COUNT { (n)-[:PROMOTES]-() } ELSE 0 END,
    CASE WHEN 'REGULATES' IN $types THEN COUNT { (n)-[:REGULATES]-() } ELSE 0 END,
    CASE WHEN 'APPLIES_TO' IN $types THEN COUNT { (n)-[:APPLIES_TO]-() } ELSE 0 END,
    CASE WHEN 'EXEMPLIFIES' IN $types THEN COUNT { (n)-[:EXEMPLIFIES]-() } ELSE 0 END,
    CASE WHEN 'MENTIONS' IN $types THEN COUNT { (n)-[:MENTIONS]-() } ELSE 0 END
  ] | s + c)
END
