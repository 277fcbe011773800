// Fragment: every category node.
true
