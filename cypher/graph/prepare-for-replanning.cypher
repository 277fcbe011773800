// Resamples every index and clears the query caches, waiting for both: the planner then
// plans from statistics of the data as it is, so the same data gets the same plans (the
// db-hits guard, scripts/bench/db-hits.ts). Params: none. Returns: nothing
CALL db.prepareForReplanning()
