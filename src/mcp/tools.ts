import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { fromEntityId } from '../graph/ids';
import { ENTITY_LABEL_ENUM, type EntityLabel, enumName } from '../graph/vocabulary';

/**
 * The MCP tools: each runs one GraphQL operation of this API through the same Apollo server
 * (src/app.ts), with the caller's context, so a tool answers exactly what the GraphQL field
 * does, under the same auth, cost budget, depth limit and timeouts, and there is no second
 * implementation to drift. Tools take names or ids: a name is resolved by resolveName, and a
 * name that names nothing or several things is an error listing the candidates.
 */
/** A GraphQL result's data: its shape is the operation's, checked against the schema by tests/unit/mcp-operations.test.ts. */
// biome-ignore lint/suspicious/noExplicitAny: shaped by each operation's selection, not by a TypeScript type
type Data = Record<string, any>;

export type Run = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: Data | null; errors?: readonly GraphQLErrorLike[] }>;

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown>;
}

/** A tool's failure as the agent sees it: the message to act on, and the data behind it. */
class ToolError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const TYPES = Object.keys(ENTITY_LABEL_ENUM) as [string, ...string[]];
const entityType = z.enum(TYPES);
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .describe('A date, YYYY-MM-DD: the graph as it was then (models filed, policies issued by then).');

async function query(run: Run, text: string, variables: Record<string, unknown>): Promise<Data> {
  const r = await run(text, variables);
  if (r.errors?.length) {
    const [first] = r.errors;
    throw new ToolError(r.errors.map((e) => e.message).join('; '), {
      code: first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      ...(first.extensions?.argument ? { argument: first.extensions.argument } : {}),
      ...(first.extensions?.candidates ? { candidates: first.extensions.candidates } : {}),
    });
  }
  return r.data ?? {};
}

/** An entity's global id from an id or a name as people type it (Baidu, 文心一言, Tianxuan). */
async function entityId(run: Run, argument: string, text: string, types: readonly EntityLabel[]): Promise<string> {
  const given = text.trim();
  try {
    const { label } = fromEntityId(given, argument);
    if (types.length === 0 || types.includes(label)) return given;
  } catch {
    // Not an id: a name.
  }
  const data = await query(
    run,
    `query($name: String!, $types: [EntityLabel!]) {
      r: resolveName(name: $name, types: $types, first: 5) {
        match { id } ambiguous candidates { how node { __typename id name nameEn } }
      }
    }`,
    { name: given, types: types.length ? types.map(enumName) : null },
  );
  const r = data.r as {
    match: { id: string } | null;
    ambiguous: boolean;
    candidates: { how: string; node: { __typename: string; id: string; name: string; nameEn: string | null } }[];
  };
  if (r.match) return r.match.id;
  const candidates = r.candidates.map((c) => ({
    type: c.node.__typename,
    id: c.node.id,
    name: c.node.name,
    nameEn: c.node.nameEn,
  }));
  const listed = candidates.map((c) => `${c.name} (${c.type}, id ${c.id})`).join('; ');
  const what = types.length ? types.join(' or ') : 'entity';
  throw new ToolError(
    r.ambiguous
      ? `"${given}" names ${candidates.length} ${what} entities equally: ${listed}. Call again with one id.`
      : `No ${what} is named "${given}".${listed ? ` Did you mean: ${listed}?` : ' Try the search tool.'}`,
    { code: 'BAD_USER_INPUT', argument, candidates },
  );
}

/** "1 hit", "3 hits". */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const asResult = (summary: string, structured: Record<string, unknown>): CallToolResult => ({
  content: [{ type: 'text', text: `${summary}\n\n${JSON.stringify(structured, null, 1)}` }],
  structuredContent: structured,
});

/** Runs a tool body, turning a ToolError or a GraphQL error into an error result the agent can read. */
async function answer(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof ToolError)) throw error;
    return {
      isError: true,
      content: [{ type: 'text', text: error.message }],
      structuredContent: { error: { message: error.message, ...error.details } },
    };
  }
}

const LINK_FIELDS = `
  target { __typename id name nameEn }
  score rule reason reasonEn
  path { explanation explanationEn }
`;

/** The statistics tool's dimensions and the GraphQL field each reads. */
const BREAKDOWNS = {
  province: 'filingsByRegion',
  cluster: 'filingsByCluster',
  industry: 'filingsByIndustry',
  scenario: 'filingsByScenario',
  enterprise_type: 'filingsByEnterpriseType',
} as const;

/** Registers every tool on an MCP server whose calls run through `run`. */
export function registerTools(server: McpServer, run: Run): void {
  server.registerTool(
    'search',
    {
      title: 'Search the registry',
      description:
        'Find companies, models, regions, clusters, industries, scenarios, policies and enterprise types by name as people type them (Chinese, English, pinyin, short forms: "Baidu", "文心一言大模型", "wenxin yiyan"). Returns the best hits first with their ids, for the other tools.',
      inputSchema: {
        text: z.string().min(1).max(200).describe('What to look for: a name or words of one.'),
        types: z.array(entityType).optional().describe('Only these entity types (default: all).'),
        first: z.number().int().min(1).max(20).optional().describe('How many hits, 1 to 20 (default 10).'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ text, types, first }) =>
      answer(async () => {
        const data = await query(
          run,
          'query($text: String!, $types: [EntityLabel!], $first: Int) { search(text: $text, types: $types, first: $first) { score node { __typename id name nameEn } } }',
          { text, types: types ?? null, first: first ?? 10 },
        );
        const hits = (data.search ?? []).map((h: Data) => {
          const { __typename, ...node } = h.node;
          return { type: __typename, ...node, score: h.score };
        });
        return asResult(
          hits.length ? `${count(hits.length, 'hit')} for "${text}", best first.` : `Nothing matches "${text}".`,
          {
            hits,
          },
        );
      }),
  );

  server.registerTool(
    'entity',
    {
      title: 'Entity details',
      description:
        'Everything the registry holds about one entity, by name or id: names, sources, and for a company its filed models, regions and enterprise types; for a model its filing (number, date, 备案/登记), developers, province, industries and scenarios.',
      inputSchema: {
        entity: z.string().min(1).max(200).describe('A name (百度, Moonshot AI, 文心一言) or an id from another tool.'),
        type: entityType.optional().describe('The entity type, when the name could be several.'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ entity, type }) =>
      answer(async () => {
        const id = await entityId(run, 'entity', entity, type ? [ENTITY_LABEL_ENUM[type]] : []);
        const data = await query(
          run,
          `query($id: ID!) { node(id: $id) {
            __typename
            ... on Entity { id key name nameEn aliases sources { key title } claims { metric value valueText unit asOf quote source { key } } }
            ... on Company {
              models(first: 50) { totalCount nodes { id name filingNumber filingDate filingType } }
              regions { nodes { name } } enterpriseTypes { nodes { name } }
            }
            ... on Model {
              nameGiven filingNumber filingDate filingType filingSeq filingBatch
              developers { nodes { id name } } filedIn { nodes { name } }
              industries { nodes { name } } scenarios { nodes { name } }
            }
          } }`,
          { id },
        );
        const node = data.node as Record<string, unknown> & { __typename: string; name: string };
        return asResult(`${node.__typename} ${node.name}.`, { entity: node });
      }),
  );

  server.registerTool(
    'company_policies',
    {
      title: "A company's policies, with reasons",
      description:
        'The government policies that apply to a company, most specific first, each with the rule that makes it apply (NAMED, SUBJECT, LOCAL, NATIONAL), the reason in Chinese and English, and the evidence (paths through the graph). Takes a company name or id; asOf gives the answer as of a date.',
      inputSchema: {
        company: z.string().min(1).max(200).describe('The company: a name (百度, 美团, Moonshot AI) or an id.'),
        asOf: date.optional(),
        first: z.number().int().min(1).max(50).optional().describe('Most policies, 1 to 50 (default 20).'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ company, asOf, first }) =>
      answer(async () => {
        const id = await entityId(run, 'company', company, ['Company']);
        const data = await query(
          run,
          `query($id: ID!, $asOf: Date, $first: Int) {
            company: node(id: $id) { ... on Company { id name nameEn } }
            policies: companyPolicies(company: $id, asOf: $asOf, first: $first) {
              ${LINK_FIELDS}
              matches { rule basis reason reasonEn evidence { explanation } }
            }
          }`,
          { id, asOf: asOf ?? null, first: first ?? 20 },
        );
        const policies = data.policies ?? [];
        return asResult(
          `${count(policies.length, 'policy', 'policies')} ${policies.length === 1 ? 'applies' : 'apply'} to ${data.company.name}${asOf ? ` as of ${asOf}` : ''}, most specific first.`,
          { company: data.company, asOf: asOf ?? null, policies },
        );
      }),
  );

  server.registerTool(
    'links',
    {
      title: 'Links to a type',
      description:
        'Every entity of a type linked to a start entity within a few hops, most specific link first, each with a score and a reason (e.g. the industries a company serves, the regions of a policy). Takes names or ids.',
      inputSchema: {
        from: z.string().min(1).max(200).describe('The start entity: a name or an id.'),
        targetType: entityType.describe('The type of the entities to link to.'),
        maxHops: z.number().int().min(1).max(6).optional().describe('Longest path, 1 to 6 (default 4).'),
        first: z.number().int().min(1).max(50).optional().describe('Most links, 1 to 50 (default 20).'),
        asOf: date.optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ from, targetType, maxHops, first, asOf }) =>
      answer(async () => {
        const id = await entityId(run, 'from', from, []);
        const data = await query(
          run,
          `query($id: ID!, $t: EntityLabel!, $h: Int, $f: Int, $asOf: Date) {
            links(from: $id, targetType: $t, maxHops: $h, first: $f, asOf: $asOf) { ${LINK_FIELDS} }
          }`,
          { id, t: targetType, h: maxHops ?? 4, f: first ?? 20, asOf: asOf ?? null },
        );
        const links = data.links ?? [];
        return asResult(
          `${count(links.length, `${targetType} entity`, `${targetType} entities`)} linked, most specific first.`,
          { links },
        );
      }),
  );

  server.registerTool(
    'shortest_paths',
    {
      title: 'Shortest paths, explained',
      description:
        'How two entities are connected: up to k shortest paths, each explained in Chinese and English (腾讯 -开发-> 混元 -服务于-> 通用人工智能 <-推动- 暂行办法). MEANINGFUL walks (the default) never pass through a sibling province or another company. Takes names or ids.',
      inputSchema: {
        from: z.string().min(1).max(200).describe('One end: a name or an id.'),
        to: z.string().min(1).max(200).describe('The other end: a name or an id.'),
        k: z.number().int().min(1).max(10).optional().describe('How many paths, 1 to 10 (default 3).'),
        maxHops: z.number().int().min(1).max(6).optional().describe('Longest path, 1 to 6 (default 4).'),
        walk: z.enum(['MEANINGFUL', 'UNRESTRICTED']).optional().describe('MEANINGFUL (default) or UNRESTRICTED.'),
        asOf: date.optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ from, to, k, maxHops, walk, asOf }) =>
      answer(async () => {
        const [a, b] = await Promise.all([entityId(run, 'from', from, []), entityId(run, 'to', to, [])]);
        const data = await query(
          run,
          `query($a: ID!, $b: ID!, $k: Int, $h: Int, $w: PathWalk, $asOf: Date) {
            paths: shortestPaths(from: $a, to: $b, k: $k, maxHops: $h, walk: $w, asOf: $asOf) {
              length explanation explanationEn walk nodes { __typename id name }
            }
          }`,
          { a, b, k: k ?? 3, h: maxHops ?? 4, w: walk ?? 'MEANINGFUL', asOf: asOf ?? null },
        );
        const paths = data.paths ?? [];
        return asResult(
          paths.length
            ? `${count(paths.length, 'path')}, shortest first: ${paths[0].explanationEn}`
            : `No path within ${maxHops ?? 4} hops.`,
          { paths },
        );
      }),
  );

  server.registerTool(
    'neighborhood',
    {
      title: 'Neighbourhood graph',
      description:
        "An entity's neighbourhood as a graph (nodes and edges, nearest first), for drawing or reasoning: depth 1 to 3 hops, at most `limit` nodes. Takes a name or an id.",
      inputSchema: {
        entity: z.string().min(1).max(200).describe('The centre: a name or an id.'),
        depth: z.number().int().min(1).max(3).optional().describe('Hops from the centre, 1 to 3 (default 1).'),
        limit: z.number().int().min(1).max(200).optional().describe('Most nodes, 1 to 200 (default 50).'),
        asOf: date.optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ entity, depth, limit, asOf }) =>
      answer(async () => {
        const id = await entityId(run, 'entity', entity, []);
        const data = await query(
          run,
          `query($id: ID!, $d: Int, $l: Int, $asOf: Date) {
            g: neighborhood(id: $id, depth: $d, limit: $l, asOf: $asOf) {
              totalNodes totalEdges truncated
              nodes { entityId type caption distance degree }
              edges { sourceEntityId targetEntityId type caption }
            }
          }`,
          { id, d: depth ?? 1, l: limit ?? 50, asOf: asOf ?? null },
        );
        const g = data.g;
        return asResult(
          `${count(g.nodes.length, 'node')} and ${count(g.edges.length, 'edge')}${g.truncated ? ` (of ${g.totalNodes} nodes: cut at the limit)` : ''}.`,
          g,
        );
      }),
  );

  server.registerTool(
    'statistics',
    {
      title: 'Filings by category, counted beside stated',
      description:
        'Filings per province, cluster, industry, scenario or enterprise type: the count in the graph beside the figure the sources state (the report, the CAC), with how partial the count is. asOf counts as of a date.',
      inputSchema: {
        by: z.enum(Object.keys(BREAKDOWNS) as [keyof typeof BREAKDOWNS]).describe('The category.'),
        rankBy: z.enum(['STATED', 'COUNTED']).optional().describe('Order by the stated figure (default) or the count.'),
        asOf: date.optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ by, rankBy, asOf }) =>
      answer(async () => {
        const data = await query(
          run,
          `query($r: StatRank, $asOf: Date) {
            b: ${BREAKDOWNS[by]}(rankBy: $r, asOf: $asOf) {
              dimension rankedBy asOf totalCounted undated coverage coverageNote uncategorized
              statedTotal { value valueText source { key } }
              rows { label rank counted countedShare statedCount statedShare }
            }
          }`,
          { r: rankBy ?? 'STATED', asOf: asOf ?? null },
        );
        const b = data.b;
        return asResult(`Filings by ${by}: ${b.coverageNote ?? `${b.totalCounted} counted`}.`, b);
      }),
  );

  server.registerTool(
    'changes',
    {
      title: 'What changed between two dates',
      description:
        'What the register gained after `from` up to and including `to`: new filings, companies with their first filing, policies issued, and the new filings by province and industry.',
      inputSchema: {
        from: date.describe('The day before the window (YYYY-MM-DD).'),
        to: date.describe("The window's last day (YYYY-MM-DD)."),
        first: z.number().int().min(1).max(50).optional().describe('Most items per list, 1 to 50 (default 20).'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ from, to, first }) =>
      answer(async () => {
        const data = await query(
          run,
          `query($from: Date!, $to: Date!, $first: Int) {
            c: changes(from: $from, to: $to, first: $first) {
              from to filingCount companyCount policyCount
              filings { id name filingNumber filingDate }
              companies { id name }
              policies { id name }
              byRegion { label count }
              byIndustry { label count }
            }
          }`,
          { from, to, first: first ?? 20 },
        );
        const c = data.c;
        return asResult(
          `${count(c.filingCount, 'filing')}, ${count(c.companyCount, 'new company', 'new companies')} and ${count(c.policyCount, 'policy', 'policies')} after ${from} up to ${to}.`,
          c,
        );
      }),
  );

  server.registerTool(
    'resolve_name',
    {
      title: 'What a name names',
      description:
        'Resolves a name as people type it to the entity it names, or says it is ambiguous (the tied candidates) or unknown (the nearest names, did you mean), each candidate with how it matched.',
      inputSchema: {
        name: z.string().min(1).max(200).describe('The name as typed.'),
        types: z.array(entityType).optional().describe('Only these entity types (default: all).'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ name, types }) =>
      answer(async () => {
        const data = await query(
          run,
          `query($n: String!, $t: [EntityLabel!]) { r: resolveName(name: $n, types: $t) {
            match { __typename id name } ambiguous candidates { score how match node { __typename id name nameEn } }
          } }`,
          { n: name, t: types ?? null },
        );
        const r = data.r;
        return asResult(
          r.match
            ? `"${name}" names ${r.match.__typename} ${r.match.name}.`
            : r.ambiguous
              ? `"${name}" names several entities equally; pick one by id.`
              : `"${name}" names nothing here${r.candidates.length ? '; the nearest names are listed' : ''}.`,
          r,
        );
      }),
  );
}

/** An MCP server with every tool, its calls run through `run`. */
export function createMcpServer(run: Run, version: string): McpServer {
  const server = new McpServer(
    { name: 'cac-genai-graph', version },
    {
      instructions:
        "China's registered generative-AI models (CAC 备案/登记 filings) as a knowledge graph: companies, models, provinces, industries, scenarios and policies, every fact with its source. Start with search or resolve_name; every tool also takes names directly.",
    },
  );
  registerTools(server, run);
  return server;
}
