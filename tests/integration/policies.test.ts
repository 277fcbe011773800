import { type TestApi, testApi } from '../support/api';
import {
  answersOf,
  disagreements,
  type Facts,
  type AnsweredLink as Link,
  readFacts,
  TIERS,
} from '../support/policy-oracle';

/**
 * Which policies apply to which company: every company of the default graph against an oracle
 * computed from the graph's own facts (tests/support/policy-oracle.ts), at several dates, with
 * the evidence of every match checked to be the company's own.
 */
let api: TestApi;
let facts: Facts;
beforeAll(async () => {
  api = await testApi();
  facts = await readFacts(api.db);
});
afterAll(() => api.close());

async function allPolicies(asOf: string | null) {
  return { answers: await answersOf(api, asOf) };
}

const DATES = [null, '2023-06-30', '2023-08-31', '2024-01-01', '2024-06-30', '2025-03-31'];

describe('every company of the default graph, against the oracle', () => {
  it.each(DATES)('as of %s: the same policies, the same strongest rule and the same set of rules', async (asOf) => {
    const answers = await answersOf(api, asOf);
    expect(disagreements(facts, answers, asOf)).toEqual([]);
    expect(answers.size).toBe(facts.companies.length);
  });

  it('every company that filed by a date has every national policy issued by then', async () => {
    const national = (await api.db.read({
      file: 'test/national',
      text: "MATCH (p:Policy {level: 'NATIONAL'}) RETURN p.key AS key, p.issuedOn AS issuedOn",
    })) as { key: string; issuedOn: string }[];
    expect(national.length).toBe(3);
    for (const asOf of ['2024-06-30', '2025-03-31', null]) {
      const { answers } = await allPolicies(asOf);
      for (const c of facts.companies) {
        const filed = c.models.filter((m) => m.role === '备案单位' || m.role === '登记单位');
        const first = filed
          .map((m) => m.filingDate)
          .filter(Boolean)
          .sort()[0];
        if (filed.length === 0 || (asOf && first && first > asOf)) continue;
        const got = new Set((answers.get(c.key) ?? []).map((l) => l.target.key));
        for (const p of national)
          if (!asOf || p.issuedOn <= asOf) expect([c.key, p.key, got.has(p.key)]).toEqual([c.key, p.key, true]);
      }
    }
  });

  it('nothing for a company before its first filing', async () => {
    const { answers } = await allPolicies('2023-08-30');
    expect(answers.get('北京百度网讯科技有限公司')).toEqual([]);
    expect((await allPolicies('2023-08-31')).answers.get('北京百度网讯科技有限公司')?.length).toBeGreaterThan(0);
  });
});

describe('evidence is the company’s own, and the answer explains itself', () => {
  let answers: Map<string, Link[]>;
  beforeAll(async () => (answers = (await allPolicies(null)).answers));

  it('never passes through another company or another filer’s model', async () => {
    const own = new Map(facts.companies.map((c) => [c.key, new Set(c.models.map((m) => m.key))]));
    let checked = 0;
    for (const [company, links] of answers) {
      for (const l of links)
        for (const m of l.matches)
          for (const e of m.evidence) {
            for (const n of e.nodes) {
              if (n.__typename === 'Company') expect([company, n.key]).toEqual([company, company]);
              if (n.__typename === 'Model')
                expect([company, n.key, own.get(company)?.has(n.key)]).toEqual([company, n.key, true]);
            }
            checked += 1;
          }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('each evidence starts at the company; a joined one ends at the policy; ranks follow the rules', async () => {
    for (const [company, links] of answers) {
      for (const l of links) {
        expect(l.rule).toBe(l.matches[0].rule);
        for (const m of l.matches) {
          expect(m.evidence[0].nodes[0]).toEqual({ __typename: 'Company', key: company });
          const last = m.evidence[m.evidence.length - 1];
          if (m.rule !== 'NATIONAL' || m.region) expect(last.nodes[last.nodes.length - 1].key).toBe(l.target.key);
          if (m.evidence.length === 2) expect(['FILING_NUMBER', 'REGISTERED_NAME']).toContain(m.basis);
          if (m.rule === 'LOCAL' || m.region) expect(m.region?.key).toBe(last.nodes[last.nodes.length - 2].key);
        }
        expect(TIERS.indexOf(l.rule as never)).toBe(Math.min(...l.matches.map((m) => TIERS.indexOf(m.rule as never))));
      }
      const scores = links.map((l) => l.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const tiers = links.map((l) => TIERS.indexOf(l.rule as never));
      expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    }
  });

  it('named cases read as an analyst would sign them', async () => {
    const of = (key: string) => Object.fromEntries((answers.get(key) ?? []).map((l) => [l.target.name, l]));
    const baidu = of('北京百度网讯科技有限公司');
    expect(baidu['《生成式人工智能服务管理暂行办法》'].rule).toBe('SUBJECT');
    expect(baidu['《生成式人工智能服务管理暂行办法》'].reason).toBe(
      '推动 通用人工智能 — 百度 -开发-> 文心一言 -服务于-> 通用人工智能',
    );
    expect(baidu['地方算力及备案通过补贴'].reason).toBe('适用于 北京市 — 百度 -位于-> 北京市');
    expect(baidu['地方算力及备案通过补贴'].reasonEn).toBe('applies to Beijing — Baidu -based in-> Beijing');
    // 京东's links run through its own seat, never through Baidu's 文心一言.
    const jd = of('京东');
    expect(Object.keys(jd).sort()).toEqual(
      ['《生成式人工智能服务管理暂行办法》', '“人工智能+”行动', '地方算力及备案通过补贴', '数据安全法配套细则'].sort(),
    );
    expect(JSON.stringify(answers.get('京东'))).not.toContain('文心一言');
    // The 国资委 channel is national scope; no local policy for a central SOE.
    const mobile = of('中国移动通信有限公司');
    expect(Object.keys(mobile)).toHaveLength(3);
    expect(mobile['“人工智能+”行动'].matches.map((m) => m.basis)).toContain('CENTRAL_SOE');
    // A filer with no 属地 is still bound by the national measures, and placed by its registered name.
    const meituan = of('北京三快科技有限公司');
    expect(meituan['地方算力及备案通过补贴'].matches[0].basis).toBe('REGISTERED_NAME');
    expect(meituan['《生成式人工智能服务管理暂行办法》'].matches.map((m) => m.basis)).toContain('FILING');
    // 深圳市腾讯 is registered in Shenzhen, where the subsidy applies; 科大讯飞 (安徽) gets none.
    expect(of('深圳市腾讯计算机系统有限公司')['地方算力及备案通过补贴'].rule).toBe('LOCAL');
    expect(of('科大讯飞股份有限公司')['地方算力及备案通过补贴']).toBeUndefined();
    // The report's 南方电网 (a 国企 filer by the report, no filing in the graph) has the national ones.
    expect(Object.values(of('南方电网')).map((l) => l.matches[0].basis)).toEqual([
      'ENTERPRISE_TYPE',
      'ENTERPRISE_TYPE',
      'ENTERPRISE_TYPE',
    ]);
  });
});

describe('asking by name, in one query, one statement for a list', () => {
  it('companyByName(name: "美团") { policies } answers in one query; companyPolicies takes a name or an id', async () => {
    const byName = await api.gql('{ companyByName(name: "美团") { policies { target { name } rule reason } } }');
    expect(byName.errors).toBeUndefined();
    expect(byName.data.companyByName.policies.length).toBe(4);
    const cp = await api.gql('{ companyPolicies(company: "美团") { target { name } rule reason } }');
    expect(cp.data.companyPolicies).toEqual(byName.data.companyByName.policies);
    const id = (await api.gql('{ companyByName(name: "美团") { id } }')).data.companyByName.id;
    const byId = await api.gql('query($c: ID!) { companyPolicies(company: $c) { target { name } rule reason } }', {
      c: id,
    });
    expect(byId.data.companyPolicies).toEqual(cp.data.companyPolicies);
    // links to POLICY from a company follow the same rules.
    const links = await api.gql(
      'query($c: ID!) { links(from: $c, targetType: POLICY) { target { name } rule reason } }',
      { c: id },
    );
    expect(links.data.links).toEqual(cp.data.companyPolicies);
  });

  it('refuses an unknown name and another type’s id, naming the argument', async () => {
    const unknown = await api.gql('{ companyPolicies(company: "没有这家公司") { rule } }');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'company' });
    expect(unknown.errors?.[0].message).toContain('没有这家公司');
    const region = (await api.gql('{ regionByName(name: "北京") { id } }')).data.regionByName.id;
    const wrong = await api.gql('query($c: ID!) { companyPolicies(company: $c) { rule } }', { c: region });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'company' });
    const empty = await api.gql('{ companyPolicies(company: "  ") { rule } }');
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'company' });
  });

  it('every company of a page gets its policies in one statement', async () => {
    const r = await api.gql('{ companies(first: 50) { nodes { policies { rule } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.files.filter((f) => f === 'policy/applicability')).toHaveLength(1);
    expect(r.roundTrips).toBe(2);
  });

  it('UNRESTRICTED adds the walk’s extra policies after every ruled one, labelled and without a rule', async () => {
    const r = await api.gql(
      '{ companyPolicies(company: "科大讯飞", walk: UNRESTRICTED) { target { name } rule score path { walk } } }',
    );
    const extra = r.data.companyPolicies.filter((l: any) => l.rule === null);
    expect(extra.map((l: any) => l.target.name)).toEqual(['地方算力及备案通过补贴']);
    expect(extra[0].path.walk).toBe('UNRESTRICTED');
    expect(extra[0].score).toBeLessThan(1);
    expect(r.data.companyPolicies.at(-1).rule).toBeNull();
  });
});
