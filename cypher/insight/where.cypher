// Fragment: Insight filters. Params: $where {nameContains, kind}
{{> entity/name-contains}}
AND ($where.kind IS NULL OR n.kind = $where.kind)
