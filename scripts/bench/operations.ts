/** The benchmark suite: each operation three ways over the same database and the same data. */
import { toGlobalId } from '../../src/graph/ids';
import { generatedCompanies } from '../../src/synthetic/generate';

export interface Operation {
  name: string;
  kind: 'lookup' | 'list' | 'traversal' | 'search' | 'statistics';
  /** Levels of the GraphQL query that reach the database (the round-trip bound is depth + 1). */
  depth: number;
  raw: { file: string; params: Record<string, unknown> };
  api: string;
  /** Null where @neo4j/graphql cannot express it at all. */
  neo4jGraphql: string | null;
  /** How @neo4j/graphql expresses it, when not with generated fields. */
  neo4jGraphqlNote?: string;
}

export function operations(scale: number): Operation[] {
  // A generated company with dozens of models (the first of its block), in 北京 or wherever it fell.
  const company = generatedCompanies(scale)[0].key;
  const companyId = toGlobalId('Company', company);
  const policy = '《生成式人工智能服务管理暂行办法》';
  const policyId = toGlobalId('Policy', policy);
  const regionId = toGlobalId('Region', '110000');
  return [
    {
      name: 'lookup by id',
      kind: 'lookup',
      depth: 1,
      raw: { file: 'bench/lookup', params: { key: company } },
      api: `{ company(id: "${companyId}") { key name nameEn } }`,
      neo4jGraphql: `{ companies(where: { key: { eq: "${company}" } }) { key name } }`,
    },
    {
      name: 'filtered list page',
      kind: 'list',
      depth: 1,
      raw: { file: 'bench/list', params: { region: '110000' } },
      api: '{ models(first: 20, where: { region: "110000" }, orderBy: { field: NAME }) { nodes { key name filingDate } } }',
      neo4jGraphql:
        '{ models(where: { filedIn: { some: { key: { eq: "110000" } } } }, sort: [{ name: ASC }], limit: 20) { key name filingDate } }',
    },
    {
      name: 'nested companies > models > industries',
      kind: 'list',
      depth: 3,
      raw: { file: 'bench/nested', params: {} },
      api: '{ companies(first: 20) { nodes { name models(first: 10) { nodes { name industries(first: 5) { nodes { name } } } } } } }',
      neo4jGraphql:
        '{ companies(sort: [{ name: ASC }], limit: 20) { name models(limit: 10, sort: [{ name: ASC }]) { name industries(limit: 5) { name } } } }',
    },
    {
      name: 'newest filings page',
      kind: 'list',
      depth: 1,
      raw: { file: 'bench/newest', params: {} },
      api: '{ models(first: 20, orderBy: { field: FILING_DATE, direction: DESC }) { nodes { key name filingDate } } }',
      // Its descending order puts undated models first: they are filtered out for the same page.
      neo4jGraphql:
        '{ models(where: { NOT: { filingDate: { eq: null } } }, sort: [{ filingDate: DESC }], limit: 20) { key name filingDate } }',
      neo4jGraphqlNote: 'generated fields (undated models filtered out: its descending order puts them first)',
    },
    {
      name: 'regions with model counts',
      kind: 'list',
      depth: 2,
      raw: { file: 'bench/region-counts', params: {} },
      api: '{ regions(first: 100) { nodes { name models { totalCount } } } }',
      neo4jGraphql:
        '{ regions(sort: [{ name: ASC }], limit: 100) { name modelsConnection { aggregate { count { nodes } } } } }',
    },
    {
      name: 'statistics by province',
      kind: 'statistics',
      depth: 1,
      raw: { file: 'bench/statistics', params: {} },
      api: '{ filingsByRegion(rankBy: COUNTED, asOf: "2099-12-31") { rows { label counted } } }',
      neo4jGraphql:
        '{ regions { name modelsConnection(where: { node: { filingType: { eq: "备案" } } }) { aggregate { count { nodes } } } } }',
    },
    {
      name: 'fulltext search',
      kind: 'search',
      depth: 1,
      raw: { file: 'bench/search', params: { text: '智谱' } },
      api: '{ search(text: "智谱", first: 10) { score node { key name } } }',
      neo4jGraphql: '{ searchEntities(text: "智谱") { key name score } }',
      neo4jGraphqlNote: 'custom @cypher field (its @fulltext works per type, not across types)',
    },
    {
      // The API ranks links by specificity under the walk rules; the raw floor is the plain
      // nearest-first query, so the column shows what ranking and rules cost.
      name: 'company-to-policy links, ranked',
      kind: 'traversal',
      depth: 1,
      raw: { file: 'bench/links', params: { key: company } },
      api: `{ companyPolicies(company: "${companyId}") { target { name } score reason path { length } } }`,
      neo4jGraphql: `{ companyPolicies(key: "${company}") { length nodes } }`,
      neo4jGraphqlNote: 'custom @cypher field (no path queries in the library)',
    },
    {
      name: 'shortest path',
      kind: 'traversal',
      depth: 1,
      raw: { file: 'bench/path', params: { from: company, to: policy } },
      api: `{ shortestPath(from: "${companyId}", to: "${policyId}") { length explanation } }`,
      neo4jGraphql: `{ shortestPath(from: "${company}", to: "${policy}") { length nodes } }`,
      neo4jGraphqlNote: 'custom @cypher field (no path queries in the library)',
    },
    {
      name: 'depth-2 neighbourhood',
      kind: 'traversal',
      depth: 1,
      raw: { file: 'bench/neighborhood', params: { key: '110000' } },
      api: `{ neighborhood(id: "${regionId}", depth: 2, limit: 100) { totalNodes nodes { id } edges { id } } }`,
      neo4jGraphql: '{ neighborhood(key: "110000") { totalNodes nodes edges } }',
      neo4jGraphqlNote:
        'custom @cypher field returning the same feed (no neighbourhood or subgraph feed in the library)',
    },
    {
      name: 'depth-2 neighbourhood as of a date',
      kind: 'traversal',
      depth: 1,
      raw: { file: 'bench/neighborhood-as-of', params: { key: '110000', asOf: '2024-06-30' } },
      api: `{ neighborhood(id: "${regionId}", depth: 2, limit: 100, asOf: "2024-06-30") { totalNodes nodes { id } edges { id } } }`,
      neo4jGraphql: null,
    },
  ];
}

/**
 * The ways each operation is asked: hand-written Cypher, this API as it runs by default, this
 * API with its response cache off (every request executed), @neo4j/graphql.
 */
export type Way =
  | 'raw'
  | 'api'
  | 'apiUncached'
  | 'neo4jGraphql'
  /** The uncached API and @neo4j/graphql with Neo4j behind a proxy adding --latency-ms each way. */
  | 'apiUncachedLatency'
  | 'neo4jGraphqlLatency';
/** One measured cell of the benchmark: an operation, a way, a concurrency. */
export interface Cell {
  operation: string;
  kind: string;
  way: Way;
  concurrency: number;
  requests: number;
  errors: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  roundTripsPerRequest: number | null;
  firstError?: string;
}
