import type { Principal } from '../auth/authenticate';
import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { toGlobalId } from '../graph/ids';
import type { Run } from '../mcp/tools';
import { scopeOf } from '../walk/scope';
import { planHubCheck } from '../walk/walk';

const AS_OF = '2024-06-30';
/** Who the warm-up's operations run as: a reader, so they pass where reads need a key. */
export const WARM_UP_PRINCIPAL: Principal = { name: 'warm-up', role: 'reader', via: 'api-key' };

/**
 * The operations a warm-up runs: the common reads, then each kind of walk once from a real
 * company (and to a real policy), with and without a date, so each walk statement is planned (and Neo4j's and
 * Node's code compiled) with the parameter types real requests send. Labels travel as
 * parameters, so one start covers walks from every label.
 */
export function warmUpOperations(starts: readonly { label: string; key: string }[]): string[] {
  const id = (label: string) => {
    const s = starts.find((x) => x.label === label);
    return s ? toGlobalId(label, s.key) : null;
  };
  const company = id('Company');
  const policy = id('Policy');
  if (!company) return [];
  // The common reads first: a lookup, list pages (filtered, by date, nested two levels, with
  // counts), search and statistics (after a restart the first nested list ran past the 5 s
  // statement limit while Neo4j planned its three statements).
  const ops: string[] = [
    `{ company(id: "${company}") { name nameEn models(first: 5) { totalCount nodes { name } } } }`,
    '{ companies(first: 20) { totalCount nodes { name models(first: 10) { nodes { name industries(first: 5) { nodes { name } } } } } } }',
    '{ models(first: 20, where: { region: "110000" }, orderBy: { field: NAME }) { totalCount nodes { key name filingDate } } }',
    '{ models(first: 20, where: { industry: "医疗" }, orderBy: { field: NAME }) { nodes { key name } } }',
    '{ models(first: 20, where: { scenario: "内容生成" }, orderBy: { field: NAME }) { nodes { key name } } }',
    `{ models(first: 20, where: { company: "${company}" }) { nodes { key name } } }`,
    '{ companies(first: 20, where: { region: "110000" }) { totalCount nodes { name } } }',
    '{ companyByName(name: "百度") { name } }',
    '{ models(first: 20, orderBy: { field: FILING_DATE, direction: DESC }) { nodes { key name filingDate } } }',
    '{ regions(first: 100) { nodes { name models { totalCount } } } }',
    '{ search(text: "智谱", first: 10) { score node { id name } } }',
    '{ filingsByRegion { rows { label counted } } }',
  ];
  for (const date of ['', `, asOf: "${AS_OF}"`]) {
    const feed = 'totalNodes truncated nodes { id degree properties } edges { id properties }';
    ops.push(`{ neighborhood(id: "${company}", depth: 1${date}) { ${feed} } }`);
    ops.push(`{ neighborhood(id: "${company}", depth: 2${date}) { ${feed} } }`);
    // Nearer rings that fill the feed, and the relationships among everything reached; depth 3
    // (each depth is a statement of its own, viz/neighborhood.cypher).
    ops.push(`{ neighborhood(id: "${company}", depth: 2, limit: 3${date}) { totalNodes totalEdges nodes { id } } }`);
    ops.push(`{ neighborhood(id: "${company}", depth: 3, limit: 20${date}) { totalNodes nodes { id } } }`);
    ops.push(`{ links(from: "${company}", targetType: MODEL, first: 10${date}) { score reason } }`);
    ops.push(`{ links(from: "${company}", targetType: POLICY, first: 10${date}) { score reason } }`);
    ops.push(`{ companyPolicies(company: "${company}"${date}) { score rule reason } }`);
    if (policy) {
      ops.push(`{ shortestPath(from: "${company}", to: "${policy}"${date}) { length explanation } }`);
      ops.push(`{ shortestPaths(from: "${company}", to: "${policy}", k: 3${date}) { length } }`);
      ops.push(`{ subgraph(ids: ["${company}", "${policy}"]${date}) { nodes { id } edges { id } } }`);
    }
  }
  return ops;
}

/**
 * Runs the warm-up operations through the API (`run`: src/mcp/run.ts graphqlRunner, so the same
 * Apollo server, plugins and resolvers) until they are done or `budgetMs` has passed
 * (WARM_UP_MS): after a restart, Neo4j plans each statement on its first use (0.2-4 s for a
 * walk's on a cold server), which would otherwise fall on the first users. Failures are
 * reported, never fatal. Returns what ran.
 */
export async function warmUp(
  run: Run,
  db: Database,
  budgetMs: number,
): Promise<{ ran: number; of: number; ms: number; failed: number }> {
  const started = performance.now();
  if (budgetMs <= 0) return { ran: 0, of: 0, ms: 0, failed: 0 };
  const starts = await db.read<{ label: string; key: string }>(cypher('graph/warm-up-starts'));
  const ops = warmUpOperations(starts);
  let ran = 0;
  let failed = 0;
  for (const query of ops) {
    if (performance.now() - started > budgetMs) break;
    const { errors } = await run(query, {});
    ran += 1;
    if (errors?.length) failed += 1;
  }
  // A search from a hub's statement, which no request here asks (src/walk/walk.ts planHubCheck).
  for (const asOf of [null, AS_OF]) {
    if (performance.now() - started > budgetMs) break;
    ran += 1;
    await planHubCheck(db, scopeOf(null, asOf)).catch(() => {
      failed += 1;
    });
  }
  return { ran, of: ops.length + 2, ms: performance.now() - started, failed };
}
