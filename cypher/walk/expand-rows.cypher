// Fragment: the rows of walk/expand (requires i, r, y, forward): per frontier node, its steps.
RETURN i, collect({{> walk/step}}) AS steps, null AS into
