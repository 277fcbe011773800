import type { EntityRow } from '../../src/entity/rows';
import { applicablePolicies, type CompanyFacts, type Segment } from '../../src/policy/applicability';

/** The rules of which policies apply, on facts built by hand (no database). */
const node = (label: string, key: string, extra: Record<string, unknown> = {}): EntityRow => ({
  __label: label,
  key,
  name: key,
  ...extra,
});
const seg = (nodes: EntityRow[], types: string[], forward: boolean[]): Segment => ({
  nodes,
  rels: types.map((t) => ({ __type: t })),
  forward,
});

const company = node('Company', '北京甲科技有限公司');
const model = node('Model', '甲模型', {
  filingNumber: 'Beijing-Jia-20240101',
  filingDate: '2024-01-05',
  filingType: '备案',
});
const beijing = node('Region', '北京市', { kind: 'MUNICIPALITY' });
const china = node('Region', '中国', { kind: 'COUNTRY' });
const soe = node('Region', '中央企业', { kind: 'CENTRAL_SOE' });
const medical = node('Industry', '医疗');
const national = node('Policy', '国策', { level: 'NATIONAL' });
const local = node('Policy', '京策', { level: 'LOCAL' });
const otherLocal = node('Policy', '沪策', { level: 'LOCAL' });
const unscoped = node('Policy', '行业指引');

function facts(extra: Partial<CompanyFacts> = {}): CompanyFacts {
  return {
    key: company.key,
    company,
    firstFiled: '2024-01-05',
    filings: [seg([company, model], ['DEVELOPS'], [true])],
    places: [],
    scoped: [],
    national: [national],
    types: [],
    subjects: [],
    ...extra,
  };
}
const placed = (basis: 'BASED_IN' | 'REGISTERED_NAME') => ({
  basis,
  region: beijing,
  segment: basis === 'BASED_IN' ? seg([company, beijing], ['BASED_IN'], [true]) : seg([company], [], []),
});
const chainTo = (policy: EntityRow, viaCountry: boolean) =>
  viaCountry
    ? { place: 0, region: china, chain: seg([beijing, china, policy], ['WITHIN', 'APPLIES_TO'], [true, false]) }
    : { place: 0, region: beijing, chain: seg([beijing, policy], ['APPLIES_TO'], [false]) };
const subject = (policy: EntityRow, scoped: boolean, kind: 'SUBJECT' | 'NAMED' = 'SUBJECT') => ({
  kind,
  policy,
  scoped,
  degree: 1,
  segment:
    kind === 'NAMED'
      ? seg([company, model, policy], ['DEVELOPS', 'PROMOTES'], [true, false])
      : seg([company, model, medical, policy], ['DEVELOPS', 'SERVES', 'PROMOTES'], [true, true, false]),
});

describe('which policies apply to a company', () => {
  it('a national policy binds a filer with no known place, by its filing', () => {
    const [link] = applicablePolicies(facts());
    expect([link.target.key, link.rule, link.matches[0].basis]).toEqual(['国策', 'NATIONAL', 'FILING']);
    expect(link.reason).toBe(
      '全国性政策，约束所有向网信办备案或登记的单位 — 北京甲科技有限公司 -开发-> 甲模型（备案）',
    );
    expect(link.score).toBeGreaterThan(1);
    expect(link.score).toBeLessThan(2);
  });

  it('nothing applies to a company with no standing at all', () => {
    expect(applicablePolicies(facts({ filings: [], national: [national] }))).toEqual([]);
  });

  it('a local policy applies through a place in its region; LOCAL ranks above NATIONAL', () => {
    const links = applicablePolicies(
      facts({ places: [placed('BASED_IN')], scoped: [chainTo(local, false), chainTo(national, true)] }),
    );
    expect(links.map((l) => [l.target.key, l.rule])).toEqual([
      ['京策', 'LOCAL'],
      ['国策', 'NATIONAL'],
    ]);
    expect(links[0].reason).toBe('适用于 北京市 — 北京甲科技有限公司 -位于-> 北京市');
    expect(links[0].path.nodes.map((n) => n.key)).toEqual(['北京甲科技有限公司', '北京市', '京策']);
    // The national one keeps every basis that holds, the stated place first.
    expect(links[1].matches.map((m) => m.basis)).toEqual(['BASED_IN', 'FILING']);
  });

  it('a place read from the registered name is two real paths with the reading between them', () => {
    const [link] = applicablePolicies(facts({ places: [placed('REGISTERED_NAME')], scoped: [chainTo(local, false)] }));
    expect(link.matches[0].basis).toBe('REGISTERED_NAME');
    expect(link.matches[0].evidence.map((p) => p.nodes.map((n) => n.key))).toEqual([
      ['北京甲科技有限公司'],
      ['北京市', '京策'],
    ]);
    expect(link.reason).toBe('适用于 北京市 — 北京甲科技有限公司 注册于 北京市（据其注册名称 北京甲科技有限公司）');
    // A stated place is surer than a name: it scores higher within the same rule.
    const [stated] = applicablePolicies(facts({ places: [placed('BASED_IN')], scoped: [chainTo(local, false)] }));
    expect(stated.score).toBeGreaterThan(link.score);
  });

  it('a subject applies only where the jurisdiction holds, or where the policy states none', () => {
    // 沪策 promotes 医疗 but applies to Shanghai: the Beijing company's model serving 医疗 is not enough.
    expect(applicablePolicies(facts({ subjects: [subject(otherLocal, true)] })).map((l) => l.target.key)).toEqual([
      '国策',
    ]);
    const unscopedLinks = applicablePolicies(facts({ subjects: [subject(unscoped, false)] }));
    expect(unscopedLinks.map((l) => [l.target.key, l.rule])).toEqual([
      ['行业指引', 'SUBJECT'],
      ['国策', 'NATIONAL'],
    ]);
    const both = applicablePolicies(facts({ subjects: [subject(national, true)] }));
    expect(both[0].matches.map((m) => m.rule)).toEqual(['SUBJECT', 'NATIONAL']);
    expect(both[0].reason).toBe('推动 医疗 — 北京甲科技有限公司 -开发-> 甲模型 -服务于-> 医疗');
  });

  it('a policy naming the company’s own model applies by name, above everything else', () => {
    const links = applicablePolicies(
      facts({
        places: [placed('BASED_IN')],
        scoped: [chainTo(local, false)],
        subjects: [subject(otherLocal, true, 'NAMED')],
      }),
    );
    expect(links.map((l) => [l.target.key, l.rule])).toEqual([
      ['沪策', 'NAMED'],
      ['京策', 'LOCAL'],
      ['国策', 'NATIONAL'],
    ]);
  });

  it('the 国资委 channel is national scope; a type the report gives counts as standing', () => {
    const central = applicablePolicies(
      facts({
        filings: [],
        places: [
          {
            basis: 'BASED_IN',
            region: soe,
            segment: seg([company, model, soe], ['DEVELOPS', 'FILED_IN'], [true, true]),
          },
        ],
      }),
    );
    expect(central[0].matches.map((m) => m.basis)).toEqual(['CENTRAL_SOE']);
    expect(central[0].reasonEn).toMatch(/^national policy; filed through the central SOE channel/);
    const typed = applicablePolicies(
      facts({ filings: [], types: [seg([company, node('EnterpriseType', '国企')], ['HAS_TYPE'], [true])] }),
    );
    expect(typed[0].matches.map((m) => m.basis)).toEqual(['ENTERPRISE_TYPE']);
  });
});
