import { type TestApi, testApi } from '../support/api';

let api: TestApi;
/** The same API reading each level in a statement of its own: the answers look-ahead must give. */
let levelByLevel: TestApi;
beforeAll(async () => {
  api = await testApi();
  levelByLevel = await testApi({ LOOK_AHEAD_LEVELS: '0' });
});
afterAll(async () => {
  await api.close();
  await levelByLevel.close();
});

/** Asks both ways; the answers must be the same, rows and order, and no error unless `refused`. */
async function same(query: string, variables?: Record<string, unknown>, refused = false) {
  const ahead = await api.gql(query, variables);
  const apart = await levelByLevel.gql(query, variables);
  if (!refused) expect(ahead.errors).toBeUndefined();
  expect(ahead.errors).toEqual(apart.errors);
  expect(ahead.data).toEqual(apart.data);
  return { ahead, apart };
}

describe('DataLoader batching', () => {
  it('reads a nested list in one statement, the same answer as level by level (3 statements)', async () => {
    const query = `{
      companies(first: 50) {
        nodes { name models(first: 5) { nodes { name industries(first: 3) { nodes { name } } } } }
      }
    }`;
    const { ahead, apart } = await same(query);
    const companies = ahead.data.companies.nodes;
    const models = companies.flatMap((c: any) => c.models.nodes);
    expect(companies.length).toBe(50);
    expect(models.length).toBeGreaterThan(20);
    expect(models.flatMap((m: any) => m.industries.nodes).length).toBeGreaterThan(0);
    expect([ahead.roundTrips, ahead.files]).toEqual([1, ['entity/list']]);
    expect([apart.roundTrips, apart.files]).toEqual([3, ['entity/list', 'entity/related', 'entity/related']]);
  });

  it('reads counts under a list with it: regions with their model counts in one statement', async () => {
    const { ahead } = await same(
      '{ regions(first: 100) { nodes { name models { totalCount } companies { totalCount } } } }',
    );
    expect(ahead.data.regions.nodes.some((r: any) => r.models.totalCount > 0)).toBe(true);
    expect([ahead.roundTrips, ahead.files]).toEqual([1, ['entity/list']]);
    // A count under a filter is counted, not read from the degree store.
    const filtered = await same(
      '{ regions(first: 10) { nodes { key models(where: { filedFrom: "2024-01-01" }) { totalCount } } } }',
    );
    expect(filtered.ahead.roundTrips).toBe(1);
  });

  it('gives the same pages through edges, fragments, aliases, variables, filters, orders and backward paging', async () => {
    const query = `query Q($n: Int!, $dir: OrderDirection!) {
      companies(first: 30, orderBy: { field: NAME, direction: DESC }) {
        edges { cursor node { ...C } }
        pageInfo { hasNextPage endCursor }
      }
    }
    fragment C on Company {
      key
      first: models(first: $n, orderBy: { field: FILING_DATE, direction: $dir }) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor relationship { type properties } node { ... on Model { name filingDate industries(first: 2) { totalCount nodes { key } } } } }
      }
      last: models(last: 2) { nodes { name } pageInfo { hasPreviousPage } }
      filed: models(first: 3, where: { hasFilingNumber: true }) { totalCount nodes { name filingNumber } }
      regions { nodes { name } }
    }`;
    const { ahead, apart } = await same(query, { n: 3, dir: 'DESC' });
    expect(ahead.data.companies.edges.length).toBe(30);
    expect(ahead.roundTrips).toBe(1);
    expect(apart.roundTrips).toBeGreaterThan(5);
    // The next page of the outer list, from its cursor, reads ahead the same way.
    const next = await same(
      query
        .replace('first: 30,', 'first: 30, after: $after,')
        .replace('$dir: OrderDirection!', '$dir: OrderDirection!, $after: String'),
      {
        n: 2,
        dir: 'ASC',
        after: ahead.data.companies.pageInfo.endCursor,
      },
    );
    expect(next.ahead.roundTrips).toBe(1);
  });

  it('refuses bad nested arguments as before, naming the argument, and reads nothing ahead for them', async () => {
    const { ahead } = await same(
      '{ companies(first: 3) { nodes { name models(first: 1000) { nodes { name } } } } }',
      {},
      true,
    );
    expect(ahead.errors?.[0].message).toMatch(/first/);
    expect(ahead.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const cursor = await same(
      '{ regions(first: 2) { nodes { models(after: "not-a-cursor") { nodes { key } } } } }',
      {},
      true,
    );
    expect(cursor.ahead.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('reads ahead from a relationship page too, and stops at LOOK_AHEAD_LEVELS', async () => {
    // The page under a lookup reads its own nested levels: lookup, then one statement.
    const lookup = await same(
      '{ companyByName(name: "百度") { models(first: 5) { nodes { name industries { nodes { name } } scenarios { nodes { name } } } } } }',
    );
    expect(lookup.ahead.files).toEqual(['entity/by-names', 'entity/related']);
    expect(lookup.apart.files.length).toBe(4);
    // Three levels under a list that reads two ahead: the third by its own resolvers, batched.
    const two = await testApi({ LOOK_AHEAD_LEVELS: '2' });
    try {
      const query = `{ regions(first: 5) { nodes { companies(first: 3) { nodes { models(first: 3) { nodes {
        industries(first: 2) { nodes { name } } } } } } } } }`;
      const deep = await two.gql(query);
      expect(deep.errors).toBeUndefined();
      expect(deep.data).toEqual((await levelByLevel.gql(query)).data);
      expect(deep.files).toEqual(['entity/list', 'entity/related']);
    } finally {
      await two.close();
    }
  });

  it('batches lookups by name and id into one statement each', async () => {
    const r = await api.gql(
      `{ a: companyByName(name: "百度") { key } b: companyByName(name: "腾讯") { key } c: companyByName(name: "智谱") { key } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.roundTrips).toBe(1);
    // One statement, and each alias still gets its own company (keys restored by name, not row order).
    expect([r.data.a.key, r.data.b.key, r.data.c.key]).toEqual([
      '北京百度网讯科技有限公司',
      '深圳市腾讯计算机系统有限公司',
      '北京智谱华章科技有限公司',
    ]);
  });

  it('counts totals only when asked for', async () => {
    const without = await api.gql('{ models(first: 5) { nodes { name } } }');
    const withTotal = await api.gql('{ models(first: 5) { totalCount nodes { name } } }');
    expect(without.files).toEqual(['entity/list']);
    expect(withTotal.files.sort()).toEqual(['entity/count', 'entity/list']);
  });
});
