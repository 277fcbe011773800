import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

describe('facts of the report, read back through the API', () => {
  it('ranks provinces by their stated filings: Shanghai above Guangdong', async () => {
    const r = await api.gql(
      '{ filingsByRegion(rankBy: STATED) { rows { label statedCount stated { source { key } } } } }',
    );
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
    expect(s1).toEqual(
      expect.arrayContaining([
        ['CUMULATIVE_FILINGS', 346],
        ['FIRST_BATCH_FILINGS', 11],
        ['FILINGS_IN_PERIOD', 200],
      ]),
    );
    const s4 = sections[3].content;
    expect(s4.entities.map((e: any) => e.name)).toEqual(
      expect.arrayContaining(['内容生成', '智能交互', '决策支持', '科研辅助']),
    );
  });

  it('keeps figures as numbers, shares as ratios', async () => {
    const r = await api.gql(
      '{ regionByName(name: "北京") { claims { metric value unit comparator source { key } } } }',
    );
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
    const r = await api.gql(
      '{ companyByName(name: "Baidu") { name aliases sources { key } models { nodes { name filingNumber } } } }',
    );
    const c = r.data.companyByName;
    expect(c.name).toBe('北京百度网讯科技有限公司');
    expect(c.aliases).toContain('百度');
    expect(c.sources.map((s: any) => s.key).sort()).toEqual(
      ['cac-filings-partial', 'report-2025-03#2', 'report-2025-03#5'].sort(),
    );
    expect(c.models.nodes).toEqual(
      expect.arrayContaining([{ name: '文心一言', filingNumber: 'Beijing-WenXinYiYan-20230821' }]),
    );
  });
});

describe('everything the report says, as structure (regression: cells and qualifiers were missing or text only)', () => {
  it('holds the province table’s 核心优势 column, one statement per province, from section 二', async () => {
    const r = await api.gql(
      `{ insights(where: { kind: REGIONAL_ADVANTAGE }) { totalCount nodes { text sources { key } regions { nodes { name } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const byRegion = Object.fromEntries(r.data.insights.nodes.map((n: any) => [n.regions.nodes[0].name, n.text]));
    expect(byRegion).toEqual({
      北京市: '科技巨头聚集,高校与科研院所资源密集。',
      广东省: '制造业基础+互联网生态完善',
      上海市: '金融与国际化优势突出',
      浙江省: '数字经济与产业数字化深度融合',
      江苏省: '智能制造与文旅场景创新',
    });
    for (const n of r.data.insights.nodes) expect(n.sources.map((s: any) => s.key)).toEqual(['report-2025-03#2']);
    const bj = await api.gql('{ regionByName(name: "北京") { insights { nodes { kind text } } } }');
    expect(bj.data.regionByName.insights.nodes).toContainEqual({
      kind: 'REGIONAL_ADVANTAGE',
      text: '科技巨头聚集,高校与科研院所资源密集。',
    });
  });

  it('holds the filing window and the typical cases of 事业单位, 高校 included', async () => {
    const r = await api.gql(`{ regionByName(name: "中国") { claims { metric valueText period quote } }
      enterpriseTypeByName(name: "事业单位") { typicalCases models { nodes { name } } }
      soe: enterpriseTypeByName(name: "国企") { typicalCases models { nodes { name } edges { relationship { properties } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.regionByName.claims).toContainEqual({
      metric: 'FILING_WINDOW',
      valueText: '2023-08/2025-03',
      period: '2023-08/2025-03',
      quote: '备案时间集中于2023年8月至2025年3月',
    });
    expect(r.data.enterpriseTypeByName).toEqual({
      typicalCases: ['自动化研究所', '高校'],
      models: { nodes: [{ name: 'EduChat' }] },
    });
    expect(r.data.soe.typicalCases).toEqual(['中国移动', '南方电网']);
    expect(r.data.soe.models.nodes).toEqual([{ name: '九天自然语言交互大模型' }]);
    expect(r.data.soe.models.edges[0].relationship.properties).toMatchObject({
      nameInSource: '移动九天模型',
      aspect: '政策驱动型',
    });
  });

  it('relates the regional focus words, 法律, AIGC与物联网 to their entities', async () => {
    const focus = async (name: string) =>
      (
        await api.gql('query($n: String!) { regionByName(name: $n) { focusIndustries { nodes { name } } } }', {
          n: name,
        })
      ).data.regionByName.focusIndustries.nodes
        .map((n: any) => n.name)
        .sort();
    expect(await focus('浙江')).toEqual(['物流', '电商'].sort());
    expect(await focus('河北')).toEqual(['工业', '钢铁'].sort());
    expect(await focus('江苏')).toEqual(['政务', '智能家居'].sort());
    expect(await focus('四川')).toEqual(['医疗健康', '游戏'].sort());
    expect(await focus('重庆')).toEqual(['房地产', '金融科技'].sort());
    const r = await api.gql(`{ a: insightByName(name: "行业知识增强") { industries { nodes { name } } }
      b: insightByName(name: "技术融合") { industries { nodes { name } } scenarios { edges { node { name } relationship { properties } } } } }`);
    expect(r.data.a.industries.nodes.map((n: any) => n.name).sort()).toEqual(['医疗健康', '法律'].sort());
    expect(r.data.b.industries.nodes.map((n: any) => n.name)).toEqual(['物联网']);
    expect(r.data.b.scenarios.edges[0]).toMatchObject({
      node: { name: '内容生成' },
      relationship: { properties: { aspect: 'AIGC' } },
    });
  });

  it('gives the time qualifiers as periods: 2025, 2024年后, 2025年后, 今年', async () => {
    const r = await api.gql('{ insights(first: 100) { nodes { name periodText periodFrom periodTo } } }');
    const periods = Object.fromEntries(
      r.data.insights.nodes
        .filter((n: any) => n.periodText)
        .map((n: any) => [n.name, [n.periodText, n.periodFrom, n.periodTo]]),
    );
    expect(periods).toEqual({
      '2025年新增备案聚焦垂直行业深化应用': ['2025年', '2025-01-01', '2025-12-31'],
      轻量化部署: ['2024年后', '2024-01-01', null],
      技术融合: ['2025年后', '2025-01-01', null],
      行业放开: ['今年（报告数据截至2025年3月）', '2025-01-01', '2025-12-31'],
    });
  });

  it('credits to the report only what it states: the rest are curated inferences with a reason, queryable as such', async () => {
    const r = await api.gql(
      `{ source(key: "curated-inference") { kind content { relationships { type from { name } to { name } properties sources { key } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const rels = r.data.source.content.relationships;
    expect(r.data.source.kind).toBe('CURATION');
    expect(rels.map((x: any) => `${x.from.name} ${x.type} ${x.to.name}`).sort()).toEqual(
      [
        '天津市 PART_OF 京津冀',
        '《生成式人工智能服务管理暂行办法》 REGULATES 通用人工智能',
        '《生成式人工智能服务管理暂行办法》 APPLIES_TO 中国',
        '“人工智能+”行动 APPLIES_TO 中国',
        '数据安全法配套细则 APPLIES_TO 中国',
      ].sort(),
    );
    for (const x of rels) {
      expect(x.properties).toMatchObject({ inferred: true, reason: expect.stringMatching(/\w{10,}/) });
      expect(x.sources.map((s: any) => s.key)).toEqual(['curated-inference']);
    }
    const report = await api.gql(
      '{ source(key: "report-2025-03#2") { content { relationships { type from { name } to { name } } } } }',
    );
    expect(
      report.data.source.content.relationships.map((x: any) => `${x.from.name} ${x.type} ${x.to.name}`),
    ).not.toContain('天津市 PART_OF 京津冀');
  });
});

describe('what a source states, read through its index (regression: every node and relationship scanned, 1.1-1.5 s at 1000x)', () => {
  it('gives for every source what a scan of the whole graph gives, reading a bounded part of it', async () => {
    const read = async (query: string, params: Record<string, unknown> = {}) =>
      (await api.db.driver.executeQuery(query, params, { database: api.db.database })).records.map((x) => x.toObject());
    const sources = (await read('MATCH (s:Source) RETURN s.key AS key ORDER BY key')).map((r) => r.key as string);
    const [{ n: nodes, r: relationships }] = await read('RETURN COUNT { (n) } AS n, COUNT { ()-[r]->() } AS r');
    // A scan reads at least every node and relationship once.
    const scan = Number(nodes) + Number(relationships);
    expect(sources.length).toBeGreaterThan(10);
    let stated = 0;
    const small: string[] = [];
    for (const key of sources) {
      const scanned = await read(
        `CALL () { MATCH (n) WHERE $key IN n.sourceKeys AND NOT n:Claim AND NOT n:Source
                   RETURN n.key AS k ORDER BY k LIMIT 100 }
         RETURN collect(k) AS entities`,
        { key },
      );
      const rels = await read(
        `MATCH (a)-[r]->(b) WHERE $key IN r.sourceKeys AND type(r) <> 'ABOUT'
         WITH r, a, b ORDER BY type(r), a.key, b.key LIMIT 100
         RETURN type(r) + ' ' + a.key + ' ' + b.key AS line`,
        { key },
      );
      const context = api.app.context(null);
      context.meter.profile = true;
      const response = await api.app.apollo.executeOperation(
        {
          query:
            'query($k: String!) { source(key: $k) { content { entities { key } relationships { type from { key } to { key } } } } }',
          variables: { k: key },
        },
        { contextValue: context },
      );
      if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
      expect(response.body.singleResult.errors).toBeUndefined();
      const content = (response.body.singleResult.data as any).source.content;
      expect([key, content.entities.map((e: any) => e.key)]).toEqual([key, scanned[0].entities]);
      expect([key, content.relationships.map((r: any) => `${r.type} ${r.from.key} ${r.to.key}`)]).toEqual([
        key,
        rels.map((r) => r.line),
      ]);
      stated += content.entities.length + content.relationships.length;
      // In proportion to what the source states (entities, relationships and figures), not to the
      // graph (a scan reads every node and relationship: for a report section, many times the bound).
      const [{ cites }] = await read(
        `RETURN COUNT { MATCH (n) WHERE $key IN n.sourceKeys AND NOT n:Claim AND NOT n:Source } +
                COUNT { MATCH ()-[r]->() WHERE $key IN r.sourceKeys AND type(r) <> 'ABOUT' } +
                COUNT { MATCH (c:Claim) WHERE c.sourceKey = $key } AS cites`,
        { key },
      );
      expect([key, context.meter.dbHits]).toEqual([key, expect.any(Number)]);
      expect([key, context.meter.dbHits <= 30 * Number(cites) + 500]).toEqual([key, true]);
      if (Number(cites) < 5) small.push(key);
    }
    expect(stated).toBeGreaterThan(100);
    // Sources stating little, for which a scan of the whole graph reads more than the bound.
    expect(small.length).toBeGreaterThan(1);
    expect(30 * 5 + 500).toBeLessThan(scan);
  });
});
