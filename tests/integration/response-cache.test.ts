import { parseConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { toGlobalId } from '../../src/graph/ids';
import { EDITOR, type TestApi, testApi } from '../support/api';

/** Answers kept while the graph is unchanged (src/graphql/response-cache.ts). A test company t16-公司. */
let api: TestApi;
const company = toGlobalId('Company', 't16-公司');
const Q = 'query($id: ID!) { company(id: $id) { name nameEn } }';

const setName = (db: TestApi['db'], nameEn: string) =>
  db.write({ file: 'test/t16-name', text: "MATCH (c:Company {key: 't16-公司'}) SET c.nameEn = $nameEn" }, { nameEn });

beforeAll(async () => {
  // A minute between re-reads of the change counter: only this process's writes are seen at once.
  api = await testApi({ VERSION_RECHECK_MS: '60000' });
  await api.db.write({
    file: 'test/t16',
    text: "CREATE (:Company {key: 't16-公司', name: 't16-公司', nameEn: 'first', changedBy: 'someone', sourceKeys: []})",
  });
});
afterAll(async () => {
  await api.db.write({ file: 'test/t16', text: "MATCH (n) WHERE n.key STARTS WITH 't16-' DETACH DELETE n" });
  await api.close();
});

const hits = async () => {
  const text = await api.app.metrics.registry.metrics();
  return Number(/graphql_response_cache_total\{result="hit"\} (\d+)/.exec(text)?.[1] ?? 0);
};

describe('response cache', () => {
  it('answers a repeated query without the database, the same answer', async () => {
    const first = await api.gql(Q, { id: company });
    expect(first.data.company).toEqual({ name: 't16-公司', nameEn: 'first' });
    expect(first.roundTrips).toBeGreaterThanOrEqual(1);
    const before = await hits();
    const second = await api.gql(Q, { id: company });
    expect(second.data).toEqual(first.data);
    expect(second.roundTrips).toBe(0);
    expect(await hits()).toBe(before + 1);
    // Other variables are another answer.
    const other = await api.gql(Q, { id: toGlobalId('Company', '北京百度网讯科技有限公司') });
    expect(other.data.company.name).toBe('北京百度网讯科技有限公司');
  });

  it('recomputes after a write through this process', async () => {
    await api.gql(Q, { id: company });
    await setName(api.db, 'second');
    const after = await api.gql(Q, { id: company });
    expect(after.data.company.nameEn).toBe('second');
    expect(after.roundTrips).toBeGreaterThanOrEqual(1);
  });

  it("sees another process's write once it re-reads the change counter", async () => {
    const fresh = await testApi({ VERSION_RECHECK_MS: '0' });
    const other = openDatabase(parseConfig(process.env));
    try {
      expect((await fresh.gql(Q, { id: company })).data.company.nameEn).toBe('second');
      await setName(other, 'third');
      const after = await fresh.gql(Q, { id: company });
      expect(after.data.company.nameEn).toBe('third');
    } finally {
      await other.close();
      await fresh.close();
    }
  });

  it('keeps answers with audit fields apart from public ones, and never keeps errors', async () => {
    const P = 'query($id: ID!) { neighborhood(id: $id) { nodes { properties } } }';
    const audited = await api.gql(P, { id: company }, EDITOR);
    const open = await api.gql(P, { id: company });
    expect(audited.data.neighborhood.nodes[0].properties.changedBy).toBe('someone');
    expect(open.data.neighborhood.nodes[0].properties.changedBy).toBeUndefined();
    const before = await hits();
    const bad = await api.gql('{ company(id: "not-an-id") { name } }');
    const again = await api.gql('{ company(id: "not-an-id") { name } }');
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await hits()).toBe(before);
  });

  it('still refuses what the limits refuse, cached or not', async () => {
    const deep = await testApi({ VERSION_RECHECK_MS: '60000', COST_BUDGET: '10' });
    try {
      const r = await deep.gql('{ companies(first: 50) { nodes { name } } }');
      const again = await deep.gql('{ companies(first: 50) { nodes { name } } }');
      expect(r.errors?.[0].extensions.code).toBe(again.errors?.[0].extensions.code);
      expect(again.data ?? null).toBeNull();
    } finally {
      await deep.close();
    }
  });

  it('can be turned off', async () => {
    const off = await testApi({ RESPONSE_CACHE_CHARS: '0' });
    try {
      await off.gql(Q, { id: company });
      expect((await off.gql(Q, { id: company })).roundTrips).toBeGreaterThanOrEqual(1);
    } finally {
      await off.close();
    }
  });
});
