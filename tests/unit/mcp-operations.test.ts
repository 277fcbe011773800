import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { parse, validate } from 'graphql';
import { toGlobalId } from '../../src/graph/ids';
import { apiSchema } from '../../src/graphql/schema';
import { createMcpServer, type Run } from '../../src/mcp/tools';

/**
 * Every GraphQL operation a tool sends is valid against the schema the server serves
 * (regression: the entity tool asked Claim for a field it does not have, which only a call
 * showed). Each tool is called once through an in-memory MCP client; the operations it sends
 * are validated and answered with an error, so no database is needed.
 */
describe('MCP tools send valid operations', () => {
  it('validates every operation of every tool against the served schema', async () => {
    const schema = apiSchema();
    const sent: { query: string; problems: string[] }[] = [];
    const run: Run = async (query) => {
      sent.push({ query, problems: validate(schema, parse(query)).map((e) => e.message) });
      return { errors: [{ message: 'not answered in this test', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    };
    const server = createMcpServer(run, 'test');
    const client = new Client({ name: 'unit', version: '1' });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await Promise.all([server.connect(a), client.connect(b)]);
    const company = toGlobalId('Company', 'x');
    const policy = toGlobalId('Policy', 'y');
    const calls: [string, Record<string, unknown>][] = [
      ['search', { text: '百度' }],
      ['resolve_name', { name: '百度' }],
      ['entity', { entity: '百度' }],
      ['entity', { entity: company }],
      ['company_policies', { company }],
      ['links', { from: company, targetType: 'INDUSTRY' }],
      ['shortest_paths', { from: company, to: policy }],
      ['neighborhood', { entity: company }],
      ['statistics', { by: 'province' }],
      ['statistics', { by: 'cluster' }],
      ['statistics', { by: 'industry' }],
      ['statistics', { by: 'scenario' }],
      ['statistics', { by: 'enterprise_type' }],
      ['changes', { from: '2024-01-01', to: '2024-02-01' }],
    ];
    const { tools } = await client.listTools();
    expect(new Set(calls.map(([name]) => name))).toEqual(new Set(tools.map((t) => t.name)));
    for (const [name, args] of calls) {
      const before = sent.length;
      const r = await client.callTool({ name, arguments: args });
      expect([name, r.isError]).toEqual([name, true]);
      expect([name, sent.length > before]).toEqual([name, true]);
    }
    expect(sent.filter((s) => s.problems.length)).toEqual([]);
    await client.close();
  });
});
