// Fragment: a walk with no other end (a neighbourhood).
WITH a, [] AS ends
