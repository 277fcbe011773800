import { testApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

describe('facts of the report, read back through the API', () => {
  it('ranks provinces by their stated filings: Shanghai above Guangdong', async () => {
    const r = await api.gql('{ filingsByRegion(rankBy: STATED) { rows { label statedCount stated { source { key } } } } }');
    expect(r.errors).toBeUndefined();
    const rows = r.data.filingsByRegion.rows.filter((x: any) => x.statedCount !== null);
    expect(rows.map((x: any) => [x.label, x.statedCount])).toEqual([
      ['北京市', 105],
      ['上海市', 66],
      ['广东省', 45],
      ['浙江省', 31],
      ['江苏省', 23],
    ]);
    for (const row of rows) expect(row.stated[0].source.key).toBe('report-2025-03#2');
  });

  it('states enterprise-type shares that add up to 100%', async () => {
    const r = await api.gql('{ filingsByEnterpriseType { rows { label statedShare } } }');
    const shares = r.data.filingsByEnterpriseType.rows.map((x: any) => x.statedShare);
    expect(shares).toEqual([0.76, 0.15, 0.09]);
    expect(shares.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('returns the three national policies in date order, with their effects', async () => {
    const r = await api.gql(`{ policies(where: { level: NATIONAL }, orderBy: { field: ISSUED_ON }) {
      nodes { name issuedOn promotesIndustries { edges { node { name } relationship { properties } } } } } }`);
    const nodes = r.data.policies.nodes;
    expect(nodes.map((p: any) => [p.name, p.issuedOn])).toEqual([
      ['《生成式人工智能服务管理暂行办法》', '2023-07-01'],
      ['“人工智能+”行动', '2024-03-01'],
      ['数据安全法配套细则', '2025-01-01'],
    ]);
    const aiPlus = nodes[1].promotesIndustries.edges;
    expect(aiPlus.map((e: any) => e.node.name).sort()).toEqual(['工业', '教育', '文旅'].sort());
    for (const e of aiPlus) expect(e.relationship.properties).toMatchObject({ effect: '+45%', effectValue: 0.45 });
  });

  it('can read every section of the report back with its source', async () => {
    const r = await api.gql(`{ source(key: "report-2025-03") { title sections { key sectionNumber section
      content { entities { __typename name } relationships { type } claims { metric value quote } } } } }`);
    expect(r.errors).toBeUndefined();
    const sections = r.data.source.sections;
    expect(sections.map((s: any) => s.sectionNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const s of sections) {
      const c = s.content;
      expect(c.entities.length + c.relationships.length + c.claims.length).toBeGreaterThan(0);
    }
    const s1 = sections[0].content.claims.map((c: any) => [c.metric, c.value]);
    expect(s1).toEqual(expect.arrayContaining([['CUMULATIVE_FILINGS', 346], ['FIRST_BATCH_FILINGS', 11], ['FILINGS_IN_PERIOD', 200]]));
    const s4 = sections[3].content;
    expect(s4.entities.map((e: any) => e.name)).toEqual(expect.arrayContaining(['内容生成', '智能交互', '决策支持', '科研辅助']));
  });

  it('keeps figures as numbers, shares as ratios', async () => {
    const r = await api.gql('{ regionByName(name: "北京") { claims { metric value unit comparator source { key } } } }');
    const claims = r.data.regionByName.claims;
    expect(claims).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ metric: 'FILINGS_COUNT', value: 105, unit: 'COUNT' }),
        expect.objectContaining({ metric: 'FILINGS_SHARE', value: 0.3005, unit: 'RATIO' }),
      ]),
    );
  });

  it('gives scenarios their value ranges and hot scenarios their domain', async () => {
    const r = await api.gql(`{ a: scenarioByName(name: "内容生成") { valueStatement claims { value valueMax } }
      b: scenarios(where: { hot: true }) { totalCount nodes { domain industries { nodes { name } } } } }`);
    expect(r.data.a.claims[0]).toEqual({ value: 0.3, valueMax: 0.7 });
    expect(r.data.b.totalCount).toBe(6);
    for (const s of r.data.b.nodes) expect(s.industries.nodes.map((i: any) => i.name)).toEqual([s.domain]);
  });

  it('merges the report and the filing list into one company with both sources', async () => {
    const r = await api.gql('{ companyByName(name: "Baidu") { name aliases sources { key } models { nodes { name filingNumber } } } }');
    const c = r.data.companyByName;
    expect(c.name).toBe('北京百度网讯科技有限公司');
    expect(c.aliases).toContain('百度');
    expect(c.sources.map((s: any) => s.key).sort()).toEqual(['cac-filings-partial', 'report-2025-03#2', 'report-2025-03#5'].sort());
    expect(c.models.nodes).toEqual(expect.arrayContaining([{ name: '文心一言', filingNumber: 'Beijing-WenXinYiYan-20230821' }]));
  });
});
