import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(async () => api.close());

interface Typed {
  label: string;
  typed: string;
  expected: string;
}
const SET = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'typed-names.json'), 'utf8')) as {
  names: Typed[];
  nonNames: Omit<Typed, 'expected'>[];
};
const byName = (label: string) => `${label[0].toLowerCase()}${label.slice(1)}ByName`;
const enumOf = (label: string) => label.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/** Each typed name through its …ByName lookup, search's first hit, and resolveName. */
async function tryName(label: string, typed: string) {
  const r = await api.gql(
    `query($n: String!, $t: [EntityLabel!]) {
      lookup: ${byName(label)}(name: $n) { name }
      search(text: $n, first: 1) { node { __typename name } }
      resolved: resolveName(name: $n, types: $t) { match { name } ambiguous candidates { how match node { name } } }
    }`,
    { n: typed, t: [enumOf(label)] },
  );
  return {
    lookup: (r.data?.lookup?.name as string | undefined) ?? null,
    lookupError: r.errors?.find((e: any) => e.path?.[0] === 'lookup') ?? null,
    first: r.data?.search?.[0]?.node as { __typename: string; name: string } | undefined,
    resolved: r.data?.resolved,
    errors: r.errors?.filter((e: any) => e.path?.[0] !== 'lookup') ?? [],
  };
}

describe('names as users type them: the 91-name set (issue 22)', () => {
  it(`finds at least 88 of the ${SET.names.length} by lookup and by search's first hit, never another entity`, async () => {
    expect(SET.names).toHaveLength(91);
    const found = { lookup: [] as string[], search: [] as string[] };
    const wrong: string[] = [];
    for (const { label, typed, expected } of SET.names) {
      const r = await tryName(label, typed);
      expect(r.errors).toEqual([]);
      if (r.lookup === expected) found.lookup.push(typed);
      else if (r.lookup !== null) wrong.push(`${typed}: lookup gave ${r.lookup}`);
      if (r.first?.__typename === label && r.first.name === expected) found.search.push(typed);
      else if (r.first) wrong.push(`${typed}: search ranked ${r.first.__typename} ${r.first.name} first`);
      // resolveName agrees with the lookup: the same entity as its match, or no match when the lookup found none.
      expect([typed, r.resolved.match?.name ?? null]).toEqual([typed, r.lookup]);
    }
    expect(wrong).toEqual([]);
    expect(found.lookup.length).toBeGreaterThanOrEqual(88);
    expect(found.search.length).toBeGreaterThanOrEqual(88);
  });

  it('answers names of nothing in the graph with null from the lookups and no match from resolveName', async () => {
    expect(SET.nonNames.length).toBeGreaterThanOrEqual(26);
    for (const { label, typed } of SET.nonNames) {
      const r = await tryName(label, typed);
      expect([label, typed, r.lookup, r.lookupError]).toEqual([label, typed, null, null]);
      expect(r.resolved.match).toBeNull();
      for (const c of r.resolved.candidates) expect([typed, c.how, c.match]).toEqual([typed, 'SIMILAR', false]);
    }
  });
});

describe('resolveName: what a typed name names, with candidates', () => {
  const resolve = (name: string, extra = '') =>
    api.gql(
      `query($n: String!) { r: resolveName(name: $n${extra}) { match { __typename name } ambiguous candidates { score how match node { __typename id name } } } }`,
      { n: name },
    );

  it('chooses the one entity a name matches and says how', async () => {
    const r = await resolve('Baidu, Inc.');
    expect(r.errors).toBeUndefined();
    expect(r.data.r.match).toEqual({ __typename: 'Company', name: '北京百度网讯科技有限公司' });
    expect(r.data.r.ambiguous).toBe(false);
    expect(r.data.r.candidates[0]).toMatchObject({ how: 'VARIANT', match: true });
    expect(r.data.r.candidates.filter((c: any) => c.match)).toHaveLength(1);
  });

  it('says a name several entities answer to is ambiguous and lists them, choosing none (天玄: three filings)', async () => {
    const r = await resolve('Tianxuan', ', types: [MODEL]');
    expect(r.data.r.match).toBeNull();
    expect(r.data.r.ambiguous).toBe(true);
    const tied = r.data.r.candidates.filter((c: any) => c.node.name === '天玄');
    expect(tied).toHaveLength(3);
    expect(new Set(tied.map((c: any) => c.node.id)).size).toBe(3);
    for (const c of tied) expect(c).toMatchObject({ how: 'DERIVED', match: false });
  });

  it('offers up to five names like a miss (did you mean), none chosen', async () => {
    const r = await resolve('腾讯云计');
    expect(r.data.r.match).toBeNull();
    expect(r.data.r.ambiguous).toBe(false);
    const offered = r.data.r.candidates;
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(5);
    expect(offered[0].node.name).toBe('腾讯云计算（北京）有限责任公司');
    for (const c of offered) expect(c).toMatchObject({ how: 'SIMILAR', match: false });
    const scores = offered.map((c: any) => c.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
  });

  it.each([
    ['name', '"   "', 'must contain at least one non-space character'],
    ['first', '"百度", first: 0', 'must be between 1 and 20'],
    ['first', '"百度", first: 21', 'must be between 1 and 20'],
  ])('refuses a bad %s, naming it and the rule', async (argument, args, rule) => {
    const r = await api.gql(`{ resolveName(name: ${args}) { ambiguous } }`);
    expect(r.data?.resolveName ?? null).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    expect(r.errors?.[0].message).toContain(rule);
  });
});

describe('search tolerates words more or less than the name', () => {
  it.each([
    ['中国移动通信', 'Company', '中国移动通信有限公司'],
    ['腾讯混元大模型', 'Model', '腾讯混元助手大模型'],
    ['通义', 'Model', '通义千问大模型'],
    ['成渝经济圈', 'Cluster', '成渝'],
    ['GLM', 'Model', '智谱清言'],
    ['哈尔滨工业大学', 'Company', '哈尔滨工业大学'],
  ])('"%s" finds %s %s first', async (text, type, name) => {
    const r = await api.gql('query($t: String!) { search(text: $t, first: 3) { score node { __typename name } } }', {
      t: text,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.search[0].node).toEqual({ __typename: type, name });
  });

  it('finds Latin letters inside a longer name (GLM in ChatGLM and CharacterGLM)', async () => {
    const r = await api.gql('{ search(text: "GLM", types: [MODEL]) { node { name aliases } } }');
    const names = r.data.search.map((h: any) => [h.node.name, ...h.node.aliases].join(' '));
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const n of names) expect(n.toLowerCase()).toContain('glm');
  });
});

describe('traversals take names where they take ids (no id hunting)', () => {
  it('answers paths, links and neighbourhoods from names as from ids', async () => {
    const ids = await api.gql('{ a: companyByName(name: "腾讯") { id } b: policyByName(name: "暂行办法") { id } }');
    const byName = await api.gql(
      '{ p: shortestPaths(from: "腾讯公司", to: "暂行办法", k: 2) { explanation } l: links(from: "Tencent", targetType: REGION, first: 3) { target { name } } n: neighborhood(id: "wenxin yiyan") { nodes { caption distance } } }',
    );
    expect(byName.errors).toBeUndefined();
    const byId = await api.gql(
      'query($a: ID!, $b: ID!) { p: shortestPaths(from: $a, to: $b, k: 2) { explanation } l: links(from: $a, targetType: REGION, first: 3) { target { name } } }',
      { a: ids.data.a.id, b: ids.data.b.id },
    );
    expect(byName.data.p).toEqual(byId.data.p);
    expect(byName.data.l).toEqual(byId.data.l);
    expect(byName.data.n.nodes[0]).toEqual({ caption: '文心一言', distance: 0 });
  });

  it('refuses a name of nothing (NOT_FOUND, with near names) and an ambiguous one (BAD_USER_INPUT, with the candidates), naming the argument', async () => {
    const none = await api.gql('{ shortestPath(from: "腾讯云计", to: "暂行办法") { length } }');
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'from' });
    expect(none.errors?.[0].message).toMatch(
      /names nothing \("腾讯云计"\); did you mean 腾讯云计算（北京）有限责任公司 \(Company\)/,
    );
    const tied = await api.gql('{ neighborhood(id: "Tianxuan") { totalNodes } }');
    expect(tied.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
    expect(tied.errors?.[0].extensions.candidates).toHaveLength(3);
  });
});
