import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { type TestApi, testApi } from '../support/api';

/** The official MCP SDK client, as an agent host runs it, over Streamable HTTP and over stdio. */
const TOOLS = [
  'changes',
  'company_policies',
  'entity',
  'links',
  'neighborhood',
  'resolve_name',
  'search',
  'shortest_paths',
  'statistics',
];

async function httpClient(base: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'test-agent', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`), { requestInit: { headers } }));
  return client;
}

const structured = (r: any) => r.structuredContent as Record<string, any>;

/** What every transport must do: list the tools, find 百度 by name, give its policies with reasons, refuse an unknown company clearly. */
async function agentSession(client: Client) {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
  for (const tool of tools) {
    expect(tool.description?.length).toBeGreaterThan(40);
    expect(tool.inputSchema.type).toBe('object');
  }

  const found = await client.callTool({ name: 'search', arguments: { text: 'Baidu Inc.', types: ['COMPANY'] } });
  expect(found.isError).toBeFalsy();
  expect(structured(found).hits[0]).toMatchObject({
    type: 'Company',
    name: '北京百度网讯科技有限公司',
    nameEn: 'Baidu',
  });

  const policies = await client.callTool({ name: 'company_policies', arguments: { company: '百度' } });
  expect(policies.isError).toBeFalsy();
  const answer = structured(policies);
  expect(answer.company.name).toBe('北京百度网讯科技有限公司');
  expect(answer.policies.length).toBeGreaterThan(0);
  for (const p of answer.policies) {
    expect(p.rule).toMatch(/^(NAMED|SUBJECT|LOCAL|NATIONAL)$/);
    expect(p.reason.length).toBeGreaterThan(0);
    expect(p.reasonEn.length).toBeGreaterThan(0);
    expect(p.matches[0].evidence.length).toBeGreaterThanOrEqual(0);
  }
  expect((policies.content as any[])[0].text).toMatch(/policies apply to 北京百度网讯科技有限公司/);

  const unknown = await client.callTool({ name: 'company_policies', arguments: { company: '腾讯云计' } });
  expect(unknown.isError).toBe(true);
  expect((unknown.content as any[])[0].text).toMatch(
    /^No Company is named "腾讯云计"\. Did you mean: 腾讯云计算（北京）有限责任公司 \(Company, id /,
  );
  expect(structured(unknown).error).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'company' });
  expect(structured(unknown).error.candidates[0]).toMatchObject({ name: '腾讯云计算（北京）有限责任公司' });
}

describe('MCP tools (issue 26)', () => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await testApi();
    base = await api.listen();
  });
  afterAll(() => api.close());

  it('serves an agent over Streamable HTTP at /mcp', async () => {
    const client = await httpClient(base);
    try {
      await agentSession(client);
    } finally {
      await client.close();
    }
  });

  it('answers each tool from names, as the GraphQL field does', async () => {
    const client = await httpClient(base);
    try {
      const call = async (name: string, args: Record<string, unknown>) => {
        const r = await client.callTool({ name, arguments: args });
        expect([name, r.isError ?? false]).toEqual([name, false]);
        return structured(r);
      };
      const entity = await call('entity', { entity: '文心一言' });
      expect(entity.entity).toMatchObject({
        __typename: 'Model',
        name: '文心一言',
        filingNumber: 'Beijing-WenXinYiYan-20230821',
      });
      const paths = await call('shortest_paths', { from: '腾讯', to: '暂行办法', k: 2 });
      expect(paths.paths[0].explanation).toMatch(/暂行办法/);
      const gql = await api.gql('{ t: companyByName(name: "腾讯") { id } p: policyByName(name: "暂行办法") { id } }');
      const direct = await api.gql(
        `{ shortestPaths(from: "${gql.data.t.id}", to: "${gql.data.p.id}", k: 2) { explanation } }`,
      );
      expect(paths.paths.map((p: any) => p.explanation)).toEqual(
        direct.data.shortestPaths.map((p: any) => p.explanation),
      );
      const links = await call('links', { from: '百度', targetType: 'INDUSTRY', first: 3 });
      expect(links.links[0].target.__typename).toBe('Industry');
      const feed = await call('neighborhood', { entity: '百度', depth: 1, limit: 20 });
      expect(feed.nodes.length).toBeGreaterThan(1);
      expect(feed.nodes[0].distance).toBe(0);
      const stats = await call('statistics', { by: 'province' });
      expect(stats.dimension).toBe('region');
      expect(stats.rows[0]).toHaveProperty('statedCount');
      expect(stats.rows[0]).toHaveProperty('counted');
      const changes = await call('changes', { from: '2023-08-01', to: '2023-12-31' });
      expect(changes.filingCount).toBeGreaterThan(0);
      const asOf = await call('company_policies', { company: '百度', asOf: '2023-01-01' });
      expect(asOf.policies).toEqual([]);
      const ambiguous = await client.callTool({ name: 'entity', arguments: { entity: 'Tianxuan', type: 'MODEL' } });
      expect(ambiguous.isError).toBe(true);
      expect(structured(ambiguous).error.candidates).toHaveLength(3);
    } finally {
      await client.close();
    }
  });

  it('refuses bad arguments with the field and the rule, and writes nothing', async () => {
    const client = await httpClient(base);
    try {
      const r = await client.callTool({ name: 'changes', arguments: { from: 'yesterday', to: '2024-01-01' } });
      expect(r.isError).toBe(true);
      expect((r.content as any[])[0].text).toMatch(/from/);
      expect((r.content as any[])[0].text).toMatch(/YYYY-MM-DD/);
    } finally {
      await client.close();
    }
  });

  it('applies the same auth and cost budget as /graphql', async () => {
    const key = 'mcp-test-key';
    const locked = await testApi({
      READS_PUBLIC: 'false',
      API_KEYS: `agent:reader:${createHash('sha256').update(key).digest('hex')}`,
      COST_BUDGET: '30',
    });
    const url = await locked.listen();
    try {
      await expect(httpClient(url)).rejects.toThrow(/401|credentials/);
      const client = await httpClient(url, { 'x-api-key': key });
      try {
        const small = await client.callTool({ name: 'search', arguments: { text: '百度', first: 3 } });
        expect(small.isError).toBeFalsy();
        const big = await client.callTool({
          name: 'neighborhood',
          arguments: { entity: '百度', depth: 2, limit: 200 },
        });
        expect(big.isError).toBe(true);
        expect(structured(big).error.code).toBe('COST_LIMIT_EXCEEDED');
      } finally {
        await client.close();
      }
    } finally {
      await locked.close();
    }
  });
});

describe('MCP over stdio (npm run mcp)', () => {
  it('serves the same session to a desktop client', async () => {
    const client = new Client({ name: 'desktop', version: '1.0.0' });
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', join(__dirname, '..', '..', 'scripts', 'mcp.ts')],
      env: { ...(process.env as Record<string, string>), LOG_LEVEL: 'warn' },
      stderr: 'pipe',
    });
    await client.connect(transport);
    try {
      await agentSession(client);
    } finally {
      await client.close();
    }
  }, 60_000);
});
