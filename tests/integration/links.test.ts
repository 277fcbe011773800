import { toGlobalId } from '../../src/graph/ids';
import { type TestApi, testApi } from '../support/api';

/**
 * Links that follow meaning, on a small hand-built graph whose right answers are known, then on
 * the real data. The hand-built graph (keys start with t14-, removed afterwards):
 *
 *   国 (a country with 12 provinces: a hub) <-WITHIN- 甲省 <-WITHIN- 甲市;  国 <-WITHIN- 乙省
 *   甲公司 -BASED_IN-> 甲市, -DEVELOPS-> 甲模型 -SERVES-> 医疗 (specific) and 通用 (a hub of 10 models)
 *   乙公司 -BASED_IN-> 乙省, -DEVELOPS-> 乙模型 -SERVES-> 通用
 *   国策 -APPLIES_TO-> 国, -PROMOTES-> 通用;  乙省补贴 -APPLIES_TO-> 乙省;  甲省医疗 -APPLIES_TO-> 甲省, -PROMOTES-> 医疗
 */
let api: TestApi;
const id = (label: string, key: string) => toGlobalId(label, `t14-${key}`);

beforeAll(async () => {
  api = await testApi();
  await api.db.write({
    file: 'test/links-graph',
    text: `
      CREATE (c:Region {key: 't14-国', name: 't14-国'}), (p1:Region {key: 't14-甲省', name: 't14-甲省'}),
             (p2:Region {key: 't14-乙省', name: 't14-乙省'}), (x:Region {key: 't14-甲市', name: 't14-甲市'}),
             (p1)-[:WITHIN]->(c), (p2)-[:WITHIN]->(c), (x)-[:WITHIN]->(p1)
      FOREACH (i IN range(3, 12) | CREATE (:Region {key: 't14-省' + i, name: 't14-省' + i})-[:WITHIN]->(c))
      CREATE (g:Industry {key: 't14-通用', name: 't14-通用'}), (s:Industry {key: 't14-医疗', name: 't14-医疗'})
      FOREACH (i IN range(1, 8) | CREATE (:Model {key: 't14-模型' + i, name: 't14-模型' + i})-[:SERVES]->(g))
      CREATE (a:Company {key: 't14-甲公司', name: 't14-甲公司'})-[:BASED_IN]->(x),
             (a)-[:DEVELOPS]->(ma:Model {key: 't14-甲模型', name: 't14-甲模型'}), (ma)-[:SERVES]->(s), (ma)-[:SERVES]->(g),
             (b:Company {key: 't14-乙公司', name: 't14-乙公司'})-[:BASED_IN]->(p2),
             (b)-[:DEVELOPS]->(mb:Model {key: 't14-乙模型', name: 't14-乙模型'}), (mb)-[:SERVES]->(g),
             (n:Policy {key: 't14-国策', name: 't14-国策'})-[:APPLIES_TO]->(c), (n)-[:PROMOTES]->(g),
             (:Policy {key: 't14-乙省补贴', name: 't14-乙省补贴'})-[:APPLIES_TO]->(p2),
             (l2:Policy {key: 't14-甲省医疗', name: 't14-甲省医疗'})-[:APPLIES_TO]->(p1), (l2)-[:PROMOTES]->(s)`,
  });
});
afterAll(async () => {
  await api.db.write({ file: 'test/links-graph', text: "MATCH (n) WHERE n.key STARTS WITH 't14-' DETACH DELETE n" });
  await api.close();
});

const LINK = 'target { name } score rule reason reasonEn path { walk explanation } paths { length }';
const policiesOf = async (company: string, walk = 'MEANINGFUL') => {
  const r = await api.gql(`query($c: ID!) { companyPolicies(company: $c, walk: ${walk}) { ${LINK} } }`, {
    c: id('Company', company),
  });
  expect(r.errors).toBeUndefined();
  return r.data.companyPolicies as {
    target: { name: string };
    score: number;
    reason: string;
    reasonEn: string;
    path: { walk: string };
  }[];
};

describe('links follow what relationships mean (hand-built graph)', () => {
  it('a local policy reaches the companies within its region, not a sibling province through the country', async () => {
    expect((await policiesOf('甲公司')).map((l) => l.target.name)).toEqual(['t14-甲省医疗', 't14-国策']);
    // 国策 promotes the industry 乙公司's own model serves: subject-specific ranks before local.
    expect((await policiesOf('乙公司')).map((l) => l.target.name)).toEqual(['t14-国策', 't14-乙省补贴']);
  });

  it('ranks a specific industry and region above a hub, with scores and reasons in both languages', async () => {
    const [first, second] = await policiesOf('甲公司');
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.reason).toMatch(/^(推动 t14-医疗|适用于 t14-甲省) — t14-甲公司 /);
    expect(first.reasonEn).toMatch(/^(promotes t14-医疗|applies to t14-甲省) — t14-甲公司 /);
    // Two companies in different provinces and industries rank differently.
    const b = await policiesOf('乙公司');
    expect(b[0].target.name).not.toBe(first.target.name);
  });

  it('walks freely only when asked, and labels such paths', async () => {
    const free = await policiesOf('乙公司', 'UNRESTRICTED');
    const sibling = free.find((l) => l.target.name === 't14-甲省医疗');
    expect(sibling?.path.walk).toBe('UNRESTRICTED');
    expect(sibling?.reason).toBe('适用于 t14-甲省 — t14-乙公司 -位于-> t14-乙省 -隶属于-> t14-国 <-隶属于- t14-甲省');
    // Still ranked below every policy the rules give, and without a rule.
    expect(free.map((l) => l.target.name)).toEqual(['t14-国策', 't14-乙省补贴', 't14-甲省医疗']);
    expect(free.map((l: any) => l.rule)).toEqual(['SUBJECT', 'LOCAL', null]);
  });

  it('from a policy, containment only comes down: the local policy reaches its own companies', async () => {
    const r = await api.gql(
      `query($p: ID!) { links(from: $p, targetType: COMPANY) { target { name } path { explanation } } }`,
      { p: id('Policy', '甲省医疗') },
    );
    expect(r.data.links.map((l: any) => l.target.name)).toEqual(['t14-甲公司']);
  });

  it('shortestPath keeps the rules: none from 甲公司 to 乙省补贴, one when unrestricted', async () => {
    const q = (walk: string) =>
      api.gql(
        `query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b, maxHops: 6, walk: ${walk}) { walk explanation } }`,
        {
          a: id('Company', '甲公司'),
          b: id('Policy', '乙省补贴'),
        },
      );
    expect((await q('MEANINGFUL')).data.shortestPath).toBeNull();
    const free = (await q('UNRESTRICTED')).data.shortestPath;
    expect(free.walk).toBe('UNRESTRICTED');
    expect(free.explanation).toBe(
      't14-甲公司 -位于-> t14-甲市 -隶属于-> t14-甲省 -隶属于-> t14-国 <-隶属于- t14-乙省 <-适用于- t14-乙省补贴',
    );
  });

  it('no company reaches a policy through another company', async () => {
    // 乙公司 and 甲公司 share the hub industry; 甲公司's local policy must not reach 乙公司 through it.
    const names = (await policiesOf('乙公司')).map((l) => l.target.name);
    expect(names).not.toContain('t14-甲省医疗');
  });
});

describe('links on the real data', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const r = await api.gql(
      '{ baidu: companyByName(name: "百度") { id } iflytek: companyByName(name: "科大讯飞") { id } }',
    );
    Object.assign(ids, { baidu: r.data.baidu.id, iflytek: r.data.iflytek.id });
  });
  const names = async (c: string, walk = 'MEANINGFUL') => {
    const r = await api.gql(`query($c: ID!) { companyPolicies(company: $c, walk: ${walk}) { ${LINK} } }`, { c });
    return r.data.companyPolicies.map((l: any) => l.target.name) as string[];
  };

  it('links 百度 to the Beijing subsidy, and 科大讯飞 (安徽) not, unless unrestricted', async () => {
    expect(await names(ids.baidu)).toContain('地方算力及备案通过补贴');
    expect(await names(ids.iflytek)).not.toContain('地方算力及备案通过补贴');
    expect(await names(ids.iflytek, 'UNRESTRICTED')).toContain('地方算力及备案通过补贴');
  });

  it('ranks 百度 and 科大讯飞 differently, each link explained', async () => {
    const [baidu, iflytek] = [await names(ids.baidu), await names(ids.iflytek)];
    expect(baidu).not.toEqual(iflytek);
    const r = await api.gql(`query($c: ID!) { companyPolicies(company: $c) { ${LINK} } }`, { c: ids.baidu });
    const scores = r.data.companyPolicies.map((l: any) => l.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const subsidy = r.data.companyPolicies.find((l: any) => l.target.name === '地方算力及备案通过补贴');
    expect(subsidy.reason).toBe('适用于 北京市 — 百度 -位于-> 北京市');
    expect(subsidy.reasonEn).toBe('applies to Beijing — Baidu -based in-> Beijing');
  });
});
