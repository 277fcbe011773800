// Fragment: the rows of a walk statement (requires side, level, x, r, y, forward), one per node
// expanded: { side, level, from, fromLabel, fromKey, read (its rows), steps (walk/step), degree (its
// walkable relationships as walk/degree counts them, for the start's side when $degrees: the other
// side's are a label's every node and their rings, costly to count and rarely inside a path that
// ranks; else null), shown (null) }.
WITH side, level, x, count(*) AS read, collect(CASE WHEN r IS NOT NULL THEN {{> walk/step}} END) AS steps
WITH side, level, x AS n, read, steps
RETURN side, level, elementId(n) AS from, labels(n)[0] AS fromLabel, n.key AS fromKey, read, steps,
       CASE WHEN $degrees AND side = 'a' THEN {{> walk/degree}} END AS degree, null AS shown
