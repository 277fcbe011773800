import { type TestApi, testApi } from '../support/api';

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
    const r = await api.gql('{ search(text: "智谱", types: [MODEL]) { node { __typename } } }');
    expect(r.data.search.length).toBeGreaterThan(0);
    expect(new Set(r.data.search.map((h: any) => h.node.__typename))).toEqual(new Set(['Model']));
  });

  it('matches a single Chinese character by substring', async () => {
    const r = await api.gql(
      '{ search(text: "渝", first: 5) { node { name } } a: search(text: "京", first: 50) { node { name } } }',
    );
    expect(names(r)).toEqual(['成渝']);
    expect(r.data.a.map((h: any) => h.node.name)).toEqual(expect.arrayContaining(['京津冀', '北京市', '京东']));
  });

  it('treats Lucene syntax as text', async () => {
    const r = await api.gql('{ search(text: "百度 AND (*:*)") { node { name } } }');
    expect(r.errors).toBeUndefined();
    expect(names(r)).toContain('北京百度网讯科技有限公司');
  });
});

describe('search text is literal (regression: Lucene operators answered INTERNAL_SERVER_ERROR)', () => {
  const operators = [
    'OR',
    'AND',
    'NOT',
    'TO',
    '"',
    '*',
    '?',
    '~',
    '^',
    ':',
    '\\',
    '/',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '&&',
    '||',
    '+',
    '-',
    '!',
  ];
  it.each(operators)('"DeepSeek %s" finds DeepSeek and no error', async (op) => {
    for (const text of [`DeepSeek ${op}`, `${op} DeepSeek`, `DeepSeek${op}`]) {
      const r = await api.gql('query($t: String!) { search(text: $t) { node { name } } }', { t: text });
      expect(r.errors).toBeUndefined();
      if (text !== `DeepSeek${op}` || !/\w/.test(op)) expect(names(r)).toContain('求索对话DeepSeek Chat');
    }
  });

  it('does not negate: "NOT 百度" still finds 百度', async () => {
    const r = await api.gql('{ search(text: "NOT 百度") { node { name } } }');
    expect(r.errors).toBeUndefined();
    expect(names(r)).toContain('北京百度网讯科技有限公司');
  });

  it('text of operators alone finds nothing, without an error', async () => {
    const r = await api.gql('{ search(text: "&& || * ? ~ ^ : \\\\ / ( ) [ ] { }") { node { name } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.search).toEqual([]);
  });
});
