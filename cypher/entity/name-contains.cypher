// Fragment: n's name, English name or an alias contains $where.nameContains (case-insensitive).
($where.nameContains IS NULL
  OR toLower(n.name) CONTAINS toLower($where.nameContains)
  OR toLower(coalesce(n.nameEn, '')) CONTAINS toLower($where.nameContains)
  OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS toLower($where.nameContains)))
