// Fragment: the date from which claim `c` was known, for "as the world was then": the later of
// the date it holds for (asOf, else the last day of its period when the period is a year, a month
// or a range of them: 2024, 2023-08, 2024-11/2026-04) and the date its source states its figures
// for (a report section's 2025-03-31). '' when neither is known (the claim counts at every date).
reduce(known = '', d IN [
  c.asOf,
  CASE WHEN c.asOf IS NULL AND c.period =~ '\\d{4}(-\\d{2})?(/\\d{4}(-\\d{2})?)?'
    THEN CASE WHEN size(last(split(c.period, '/'))) = 4 THEN last(split(c.period, '/')) + '-12-31'
              ELSE last(split(c.period, '/')) + '-31' END END,
  COLLECT { MATCH (s:Source {key: c.sourceKey}) RETURN s.asOf }[0]
] | CASE WHEN d IS NOT NULL AND d > known THEN d ELSE known END)
