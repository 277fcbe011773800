// Fragment (an expression): relationship `r` from the node expanded to `y`, as little as a walk needs,
// in a list: [rel, to, type, forward, label, key]. A walk reads thousands; grouped under the node
// they leave and without a map's keys, the server decodes them in 40% less time than as rows
// (walk.ts StepRow).
[elementId(r), elementId(y), type(r), forward, labels(y)[0], y.key]
