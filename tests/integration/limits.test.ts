import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(
  async () =>
    (api = await testApi({ COST_BUDGET: '2000', MAX_QUERY_DEPTH: '8', MAX_ALIASES: '3', MAX_ROOT_FIELDS: '4' })),
);
afterAll(() => api.close());

describe('limits checked before execution', () => {
  it('reports the cost of every response', async () => {
    const r = await api.gql('{ models(first: 5) { nodes { name } } }');
    expect(r.errors).toBeUndefined();
    expect(r.extensions.cost).toEqual({ requested: 5, budget: 2000 });
  });

  it('refuses a query over the budget without touching the database', async () => {
    const r = await api.gql('{ companies(first: 100) { nodes { models(first: 100) { nodes { name } } } } }');
    expect(r.errors?.[0].extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      limit: 'cost',
      cost: { requested: 10100, budget: 2000 },
    });
    expect(r.roundTrips).toBe(0);
    expect(r.extensions.cost.requested).toBe(10100);
  });

  it.each([
    [
      'depth',
      '{ companies(first: 1) { nodes { models(first: 1) { nodes { developers(first: 1) { nodes { models(first: 1) { nodes { name } } } } } } } } }',
    ],
    [
      'aliases',
      '{ a: models(first: 1) { totalCount } b: models(first: 1) { totalCount } c: models(first: 1) { totalCount } d: models(first: 1) { totalCount } }',
    ],
    [
      'root fields',
      '{ models(first: 1) { totalCount } companies(first: 1) { totalCount } regions(first: 1) { totalCount } industries(first: 1) { totalCount } policies(first: 1) { totalCount } }',
    ],
  ])('refuses a query over the %s limit', async (limit, query) => {
    const r = await api.gql(query);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit });
    expect(r.roundTrips).toBe(0);
  });

  it('refuses a page over 100 anywhere, naming the argument and path', async () => {
    const r = await api.gql('{ companies(first: 1) { nodes { models(first: 500) { totalCount } } } }');
    expect(r.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      path: 'companies.nodes.models',
    });
    expect(r.roundTrips).toBe(0);
  });

  it('ends a query on the server when it runs past the transaction timeout', async () => {
    const started = Date.now();
    await expect(
      api.db.read(
        { file: 'test/slow', text: 'UNWIND range(1, 200000000) AS x RETURN sum(x) AS s' },
        {},
        { timeoutMs: 300 },
      ),
    ).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);
    const running = await api.db.read({
      file: 'test/show-transactions',
      text: "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'range(1, 2' + '00000000)' RETURN count(*) AS n",
    });
    expect(running[0].n).toBe(0);
  });
});
