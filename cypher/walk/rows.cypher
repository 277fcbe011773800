// Fragment: the rows of a walk statement (requires side, level, x, r, y, forward), one per node
// expanded: { side, level, from, fromLabel, fromKey, read (its rows), steps (walk/step), shown (null) }.
RETURN side, level, elementId(x) AS from, labels(x)[0] AS fromLabel, x.key AS fromKey, count(*) AS read,
       collect(CASE WHEN r IS NOT NULL THEN {{> walk/step}} END) AS steps, null AS shown
