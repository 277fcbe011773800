import { type TestApi, testApi } from '../support/api';

/** Keyset paging both ways on every connection (Relay), against the order read from the graph directly. */
let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

type Page = {
  nodes: { key: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

async function walk(field: (args: string) => string, pick: (data: any) => Page, size: number, backward: boolean) {
  const keys: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const args = backward
      ? `last: ${size}${cursor ? `, before: "${cursor}"` : ''}`
      : `first: ${size}${cursor ? `, after: "${cursor}"` : ''}`;
    const r = await api.gql(`{ ${field(args)} }`);
    expect(r.errors).toBeUndefined();
    const page = pick(r.data);
    expect(page.nodes.length).toBeLessThanOrEqual(size);
    if (backward) keys.unshift(...page.nodes.map((n) => n.key));
    else keys.push(...page.nodes.map((n) => n.key));
    const more = backward ? page.pageInfo.hasPreviousPage : page.pageInfo.hasNextPage;
    // The other direction's flag: true once a cursor was passed.
    expect(backward ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage).toBe(cursor !== null);
    if (!more) return keys;
    cursor = backward ? page.pageInfo.startCursor : page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

const PAGE = 'nodes { key } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

describe('paging forwards and backwards gives the same order as the graph', () => {
  it.each([
    ['NAME', 'ASC', 'ORDER BY m.name ASC, m.key ASC'],
    ['NAME', 'DESC', 'ORDER BY m.name DESC, m.key DESC'],
    ['FILING_DATE', 'ASC', "ORDER BY coalesce(m.filingDate, '~') ASC, m.key ASC"],
    ['FILING_DATE', 'DESC', "ORDER BY coalesce(m.filingDate, '') DESC, m.key DESC"],
  ])('models by %s %s', async (field, direction, order) => {
    const truth = (
      await api.db.read<{ key: string }>({
        file: 'test/paging-truth',
        text: `MATCH (m:Model) RETURN m.key AS key ${order}`,
      })
    ).map((r) => r.key);
    expect(truth.length).toBeGreaterThan(30);
    const list = (args: string) => `models(${args}, orderBy: { field: ${field}, direction: ${direction} }) { ${PAGE} }`;
    expect(await walk(list, (d) => d.models, 13, false)).toEqual(truth);
    expect(await walk(list, (d) => d.models, 13, true)).toEqual(truth);
  });

  it('a nested connection (a region’s companies) pages both ways too', async () => {
    const truth = (
      await api.db.read<{ key: string }>({
        file: 'test/paging-truth',
        text: "MATCH (:Region {name: '北京市'})<-[:BASED_IN]-(c:Company) RETURN c.key AS key ORDER BY c.name, c.key",
      })
    ).map((r) => r.key);
    expect(truth.length).toBeGreaterThan(3);
    const nested = (args: string) => `regionByName(name: "北京市") { companies(${args}) { ${PAGE} } }`;
    expect(await walk(nested, (d) => d.regionByName.companies, 2, false)).toEqual(truth);
    expect(await walk(nested, (d) => d.regionByName.companies, 2, true)).toEqual(truth);
  });

  it('refuses after with before, and a bad before naming it', async () => {
    const r = await api.gql('{ models(last: 2, before: "x", after: "y") { totalCount } }');
    expect(r.errors?.[0].message).toContain('"before"');
    const bad = await api.gql('{ models(last: 2, before: "garbage") { totalCount } }');
    expect([bad.errors?.[0].extensions.code, bad.errors?.[0].message.includes('"before"')]).toEqual([
      'BAD_USER_INPUT',
      true,
    ]);
    const big = await api.gql('{ models(last: 101) { totalCount } }');
    expect(big.errors?.[0].message).toContain('"last"');
  });
});
