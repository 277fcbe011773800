/**
 * Database work per item a field returns, relative to one item of a list page (weight 1).
 * A list item costs an index read and a projection whatever the graph's size; an item of a
 * path or a feed costs a search whose size grows with the hubs around it. The weights are
 * the measured time per priced item at the larger benchmark scale (1000x, 346,000 models:
 * bench/results/bench-2026-11-29-1000x.json, p50 at concurrency 1), divided by a list page's
 * time per item (1.83 ms / 20 = 0.09 ms): shortest path 135 ms / 5 items = 27 ms (x300),
 * links 670 ms / 100 items = 6.7 ms (x75), depth-2 neighbourhood 141 ms / 200 items =
 * 0.7 ms (x8), search 1.34 ms / 20 items (x1). `npm run calibrate` measures the same ratios
 * on any loaded graph (bench/results/cost-calibration-*.json); at 1x, where the graph has
 * no hubs, traversals cost about what list items do, so the budget is set for scale.
 */
export const TRAVERSAL_WEIGHTS = {
  shortestPath: 300,
  shortestPaths: 300,
  links: 75,
  companyPolicies: 75,
  neighborhood: 8,
} as const;

/**
 * A policy link found by rule (companyPolicies, Company.policies): one batched read of the
 * company's own facts, whatever the graph's size (measured at 1000x: docs/queries.md, Which policies apply).
 */
export const POLICY_RULES_WEIGHT = 5;

/**
 * A feed node's position (x; y comes with it): the layout costs 0.5 to 1.8 ms a node from 100 to
 * 500 nodes on the layout thread (measured 2026-12-06), 6 to 20 list items; priced at 10 a node.
 */
export const LAYOUT_WEIGHT = 10;

/**
 * A filter that reads every candidate (a name substring; a count over a date range): at 1000x a
 * nameContains page with its count took 1.4 s against 1.83 ms for a page of 20 (about 15,000
 * list items); priced at 2,500, so about twenty such lists in one request exceed the budget.
 */
export const SCAN_WEIGHT = 2_500;
