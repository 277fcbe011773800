// Fragment (a predicate on `y`): whether a walk may step onto y. A node of $peer, the walk's
// start's own label, cannot be passed through (no company reaches a policy through another
// company), so it is not even read, unless it is one of the walk's ends ($keepKeys);
// $peer '' walks freely (always a string: null would be another plan, see walk.ts `typed`).
($peer = '' OR NOT $peer IN labels(y) OR y.key IN $keepKeys)
