import { toGlobalId } from '../../src/graph/ids';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
let ids: Record<string, string>;
beforeAll(async () => {
  api = await testApi();
  const r = await api.gql(`{ tencent: companyByName(name: "腾讯") { id } measures: policyByName(name: "暂行办法") { id }
    baidu: companyByName(name: "百度") { id } general: industryByName(name: "通用人工智能") { id } tibet: regionByName(name: "西藏") { id } }`);
  ids = Object.fromEntries(Object.entries(r.data).map(([k, v]: [string, any]) => [k, v.id]));
});
afterAll(() => api.close());

const PATH =
  'length explanation explanationEn nodes { __typename name } steps { type forward from { name } to { name } sources { key } }';

describe('paths', () => {
  it('finds the shortest path with its steps, sources and explanation', async () => {
    const r = await api.gql(`query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { ${PATH} } }`, {
      a: ids.baidu,
      b: ids.measures,
    });
    expect(r.errors).toBeUndefined();
    const p = r.data.shortestPath;
    expect(p.length).toBe(3);
    expect(p.nodes[0].name).toBe('北京百度网讯科技有限公司');
    expect(p.nodes.at(-1).name).toBe('《生成式人工智能服务管理暂行办法》');
    expect(p.steps).toHaveLength(3);
    for (const s of p.steps) expect(s.sources.length).toBeGreaterThan(0);
    expect(p.explanation).toMatch(/^百度 -.+-> .+《生成式人工智能服务管理暂行办法》$/);
    expect(p.explanation.split(/ -|<-/).length).toBeGreaterThan(3);
    // One walk statement: both ends with their first rings and the smaller side's second (what
    // the search reads next), and what the path found there shows (it took three round trips,
    // ring by ring, then two); the steps' sources are one more, batched.
    expect(r.files).toEqual(['walk/start', 'entity/by-keys']);
  });

  it('follows 百度 -开发-> 文心一言 -服务于-> 通用人工智能 <-推动- the interim measures when only those relationships are allowed', async () => {
    const r = await api.gql(
      `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, filter: { allowedRelationships: [DEVELOPS, SERVES, PROMOTES] }) { ${PATH} } }`,
      { a: ids.baidu, b: ids.measures },
    );
    expect(r.data.shortestPath.explanation).toBe(
      '百度 -开发-> 文心一言 -服务于-> 通用人工智能 <-推动- 《生成式人工智能服务管理暂行办法》',
    );
    expect(r.data.shortestPath.steps.map((s: any) => s.forward)).toEqual([true, true, false]);
  });

  it('returns the k shortest simple paths, shortest first', async () => {
    const r = await api.gql(
      'query($a: ID!, $b: ID!) { shortestPaths(from: $a, to: $b, k: 5, maxHops: 5) { length nodes { name } } }',
      { a: ids.baidu, b: ids.measures },
    );
    const lengths = r.data.shortestPaths.map((p: any) => p.length);
    expect(lengths.length).toBe(5);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const p of r.data.shortestPaths) expect(new Set(p.nodes.map((n: any) => n.name)).size).toBe(p.nodes.length);
  });

  it('gives null when nothing is within the hop limit, and honours forbidden labels', async () => {
    const none = await api.gql('query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 1) { length } }', {
      a: ids.baidu,
      b: ids.measures,
    });
    expect(none.data.shortestPath).toBeNull();
    const noRegion = await api.gql(
      `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 6, filter: { forbiddenLabels: [REGION] }) { nodes { __typename } } }`,
      { a: ids.tencent, b: ids.measures },
    );
    if (noRegion.data.shortestPath)
      expect(noRegion.data.shortestPath.nodes.map((n: any) => n.__typename)).not.toContain('Region');
  });

  it.each([
    ['maxHops: 7', 'maxHops'],
    ['k: 11', 'k'],
    ['maxHops: 0', 'maxHops'],
  ])('refuses %s before running anything', async (arg, argument) => {
    const r = await api.gql(`query($a: ID!, $b: ID!) { shortestPaths(from: $a, to: $b, ${arg}) { length } }`, {
      a: ids.baidu,
      b: ids.measures,
    });
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain(`"${argument}"`);
    expect(r.roundTrips).toBe(0);
  });

  it('refuses a filter that leaves nothing to walk', async () => {
    const r = await api.gql(
      'query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, filter: { allowedRelationships: [SERVES], forbiddenRelationships: [SERVES] }) { length } }',
      { a: ids.baidu, b: ids.measures },
    );
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('shows in the first statement what a path found there holds, and reads the rest after, from random starts', async () => {
    // Every node of every path against the same node looked up by id, every step's properties
    // against the relationship read directly: a wrong or missing node in what the first
    // statement shows (walk/start's `shown`) would differ, whichever statement it came from.
    const NODE =
      'id key name nameEn aliases sources { key } ... on Model { filingDate filingNumber filingType sourceNote } ... on Company { claims { metric value } }';
    const read = async (query: string, params: Record<string, unknown> = {}) =>
      (await api.db.driver.executeQuery(query, params, { database: api.db.database })).records.map((x) => x.toObject());
    const all = await read(
      'MATCH (n) WHERE n:Company OR n:Model OR n:Policy OR n:Industry OR n:Region RETURN n.key AS id, labels(n)[0] AS label ORDER BY n.key',
    );
    const pick = (i: number, label?: string) => {
      const of = all.filter((n) => !label || n.label === label);
      const n = of[(i * 7919) % of.length];
      return toGlobalId(n.label, n.id);
    };
    let oneStatement = 0;
    let more = 0;
    for (let i = 0; i < 36; i++) {
      const v = {
        a: pick(i, 'Company'),
        b: pick(i + 3, ['Policy', 'Industry', 'Model'][i % 3]),
        k: 1 + (i % 2),
        h: 3 + (i % 3),
      };
      if (v.a === v.b) continue;
      const r = await api.gql(
        `query($a: ID!, $b: ID!, $k: Int, $h: Int) { shortestPaths(from: $a, to: $b, k: $k, maxHops: $h) {
          nodes { ${NODE} } steps { type forward properties sources { key } from { key } to { key } } } }`,
        v,
      );
      expect(r.errors).toBeUndefined();
      if (r.files.includes('walk/expand')) more++;
      else if (r.data.shortestPaths.length > 0) {
        // Nothing read after the first statement but the steps' sources.
        expect(r.files.filter((f) => f.startsWith('walk/'))).toEqual(['walk/start']);
        oneStatement++;
      }
      for (const p of r.data.shortestPaths) {
        const looked = await api.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Entity { ${NODE} } } }`, {
          ids: p.nodes.map((n: any) => n.id),
        });
        expect(p.nodes).toEqual(looked.data.nodes);
        for (const s of p.steps) {
          const [from, to] = s.forward ? [s.from.key, s.to.key] : [s.to.key, s.from.key];
          const rels = await read(
            'MATCH (x {key: $from})-[r]->(y {key: $to}) WHERE type(r) = $type RETURN properties(r) AS props',
            { from, to, type: s.type },
          );
          // The step's own properties and its sources, as the relationship stores them.
          const stored = rels.map(({ props: { sourceKeys, ...own } }) =>
            JSON.stringify([own, (sourceKeys ?? []).map((key: string) => ({ key }))]),
          );
          expect(stored).toContain(JSON.stringify([s.properties, s.sources]));
        }
      }
    }
    // Both cases were exercised: searches the first statement completed, and longer ones.
    expect([oneStatement >= 3, more >= 3]).toEqual([true, true]);
  });

  it('links a company to every policy within reach, most specific first, each with its path', async () => {
    const r = await api.gql(
      'query($c: ID!) { companyPolicies(company: $c) { target { name } score path { length explanation } } }',
      { c: ids.tencent },
    );
    const links = r.data.companyPolicies;
    // 腾讯 is based in 广东省 by the report, which places no company in a city; its registered name
    // 深圳市腾讯计算机系统有限公司 places it in 深圳市, where the subsidy applies (policies.test.ts).
    expect(links.map((l: any) => l.target.name).sort()).toEqual(
      ['《生成式人工智能服务管理暂行办法》', '“人工智能+”行动', '地方算力及备案通过补贴', '数据安全法配套细则'].sort(),
    );
    const scores = links.map((l: any) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const l of links) expect(l.path.explanation.endsWith(l.target.name)).toBe(true);
  });

  it('links any type to any other type', async () => {
    const r = await api.gql(
      'query($i: ID!) { links(from: $i, targetType: COMPANY, maxHops: 2) { target { __typename name } path { length } } }',
      { i: ids.general },
    );
    expect(r.data.links.length).toBeGreaterThan(0);
    for (const l of r.data.links) {
      expect(l.target.__typename).toBe('Company');
      expect(l.path.length).toBeLessThanOrEqual(2);
    }
  });
});
