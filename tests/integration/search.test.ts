import { testApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

const names = (r: any) => r.data.search.map((h: any) => h.node.name);

describe('search', () => {
  it.each([
    ['百度', '北京百度网讯科技有限公司'],
    ['Baidu', '北京百度网讯科技有限公司'],
    ['tencent', '深圳市腾讯计算机系统有限公司'],
    ['混元', '腾讯混元助手大模型'],
    ['长三角', '长三角'],
    ['Qwen', '通义千问大模型'],
    ['暂行办法', '《生成式人工智能服务管理暂行办法》'],
  ])('finds %s', async (text, expected) => {
    const r = await api.gql('query($t: String!) { search(text: $t) { score node { __typename name } } }', { t: text });
    expect(r.errors).toBeUndefined();
    expect(names(r)).toContain(expected);
    const scores = r.data.search.map((h: any) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('restricts hits to the types asked for', async () => {
    const r = await api.gql('{ search(text: "智谱", types: [Model]) { node { __typename } } }');
    expect(r.data.search.length).toBeGreaterThan(0);
    expect(new Set(r.data.search.map((h: any) => h.node.__typename))).toEqual(new Set(['Model']));
  });

  it('matches a single Chinese character by substring', async () => {
    const r = await api.gql('{ search(text: "渝", first: 5) { node { name } } a: search(text: "京", first: 50) { node { name } } }');
    expect(names(r)).toEqual(['成渝']);
    expect(r.data.a.map((h: any) => h.node.name)).toEqual(expect.arrayContaining(['京津冀', '北京市', '京东']));
  });

  it('treats Lucene syntax as text', async () => {
    const r = await api.gql('{ search(text: "百度 AND (*:*)") { node { name } } }');
    expect(r.errors).toBeUndefined();
    expect(names(r)).toContain('北京百度网讯科技有限公司');
  });
});
