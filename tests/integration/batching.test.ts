import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

describe('DataLoader batching', () => {
  it('costs one round trip per level of a nested query, however many parents', async () => {
    const r = await api.gql(`{
      companies(first: 50) {
        nodes { name models(first: 5) { nodes { name industries(first: 3) { nodes { name } } } } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const companies = r.data.companies.nodes;
    const models = companies.flatMap((c: any) => c.models.nodes);
    expect(companies.length).toBe(50);
    expect(models.length).toBeGreaterThan(20);
    expect(r.roundTrips).toBe(3);
    expect(r.files).toEqual(['entity/list', 'entity/related', 'entity/related']);
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
