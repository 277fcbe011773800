import { WARM_UP_PRINCIPAL, warmUp, warmUpOperations } from '../../src/http/warm-up';
import { graphqlRunner } from '../../src/mcp/run';
import { type TestApi, testApi } from '../support/api';
import { freePort, runTs } from '../support/processes';

jest.setTimeout(120_000);

let api: TestApi;
/** Operations through the API as npm start's warm-up runs them. */
const run = () => graphqlRunner(api.app.apollo, () => api.app.context(WARM_UP_PRINCIPAL));
beforeAll(async () => {
  api = await testApi();
});
afterAll(async () => {
  await api.close();
});

describe('the start-up warm-up (issue 24: the first requests after a restart planned each walk statement)', () => {
  it('runs the common reads and every kind of traversal once, with and without a date, from a real company, all answered', async () => {
    const w = await warmUp(run(), api.db, 120_000);
    // Twelve common reads (a lookup, list pages by each filter, nested, counts, search,
    // statistics); neighbourhoods (four shapes: each depth is a statement of its own), links (a
    // label searched from both sides, policies), company policies, a shortest path, k paths and
    // a subgraph, with and without a date; and a search from a hub's check, which no request on
    // a register without hubs asks, with and without a date.
    expect(w.of).toBe(34);
    expect(w.ran).toBe(34);
    expect(w.failed).toBe(0);
    const ops = warmUpOperations([
      { label: 'Company', key: 'c' },
      { label: 'Policy', key: 'p' },
    ]);
    expect(ops.filter((q) => q.includes('asOf'))).toHaveLength(10);
    for (const field of ['neighborhood', 'links', 'companyPolicies', 'shortestPath(', 'shortestPaths', 'subgraph'])
      expect(ops.some((q) => q.includes(field))).toBe(true);
  });

  it('stops at its time budget, and WARM_UP_MS=0 runs nothing', async () => {
    const w0 = await warmUp(run(), api.db, 120_000);
    const none = await warmUp(run(), api.db, 0);
    expect(none).toMatchObject({ ran: 0, of: 0 });
    const short = await warmUp(run(), api.db, 1);
    expect(short.of).toBe(w0.of);
    expect(short.ran).toBeLessThan(short.of);
  });

  it('npm start reports ready only after its warm-up, and says what it ran', async () => {
    const port = await freePort();
    const server = runTs('src/server.ts', [], {
      PORT: String(port),
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '0',
      WARM_UP_MS: '60000',
    });
    try {
      await server.waitFor('graph ready');
      await server.waitFor(/warm-up: \d+ of \d+ operations/);
      expect(server.output()).toMatch(/warm-up: (\d+) of \1 operations in [\d.]+ s"/);
      let status = 0;
      for (let i = 0; i < 40 && status !== 200; i++) {
        status = (await fetch(`http://127.0.0.1:${port}/health/ready`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(200);
    } finally {
      server.process.kill('SIGTERM');
      await server.succeeded();
    }
  });
});
