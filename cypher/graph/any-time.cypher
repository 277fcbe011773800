// No date asked for: every node, whenever it was filed or issued (the slot graph/as-of.cypher
// fills when a date is given; a separate text so the planner never evaluates its subqueries).
true
