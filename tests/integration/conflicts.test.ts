import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

describe('conflicts between sources', () => {
  it('finds every disagreement of the data notes, each side with its source', async () => {
    const r = await api.gql(
      '{ conflicts { kind description subjects { name } claims { value valueText source { key } } } }',
    );
    expect(r.errors).toBeUndefined();
    const found = r.data.conflicts;
    const has = (kind: string, text: RegExp) => found.some((c: any) => c.kind === kind && text.test(c.description));
    expect(has('PARTIAL_BREAKDOWN', /270 of the 346/)).toBe(true);
    expect(has('SHARE_INCONSISTENT', /30\.05% but 105\/346 = 30\.35%/)).toBe(true);
    expect(has('RANKING_INCONSISTENT', /北京 广东 上海 .* 105 45 66/)).toBe(true);
    expect(has('LOCATION_MISMATCH', /深度求索.*北京市.*cac-filings-partial.*浙江省.*report-2025-03#2/)).toBe(true);
    expect(has('COUNT_MISMATCH', /FIRST_BATCH_FILINGS 2023-08: .* states 11, .* has 8/)).toBe(true);
    expect(has('NAME_VARIANT', /同城旅行 for 同程旅行/)).toBe(true);
    expect(
      has('VALUE_MISMATCH', /FILINGS_IN_PERIOD 2024: report-2025-03#1 states GT 200.*cac-announcements states EQ 238/),
    ).toBe(true);
    for (const c of found) {
      expect(c.claims.length).toBeGreaterThanOrEqual(2);
      for (const side of c.claims) expect(side.source.key).toBeTruthy();
    }
  });

  it('filters by kind', async () => {
    const r = await api.gql('{ conflicts(kinds: [NAME_VARIANT]) { kind } }');
    expect(r.data.conflicts).toEqual([{ kind: 'NAME_VARIANT' }]);
  });

  it('lists report names that matched no filing, with suggestions that are never merged', async () => {
    const r = await api.gql('{ unmatchedNames(type: COMPANY, first: 100) { entity { name } candidates { name } } }');
    const huawei = r.data.unmatchedNames.find((u: any) => u.entity.name === '华为');
    expect(huawei.candidates.map((c: any) => c.name).sort()).toEqual([
      '华为云计算技术有限公司',
      '华为软件技术有限公司',
    ]);
    expect(r.data.unmatchedNames.map((u: any) => u.entity.name)).not.toContain('北京百度网讯科技有限公司');
  });

  it('tells which sources state a relationship', async () => {
    const ids = await api.gql('{ c: companyByName(name: "DeepSeek") { id } z: regionByName(name: "浙江") { id } }');
    const r = await api.gql(
      'query($a: ID!, $b: ID!) { relationshipsBetween(a: $a, b: $b) { type from { name } to { name } sources { key } } }',
      { a: ids.data.c.id, b: ids.data.z.id },
    );
    expect(r.data.relationshipsBetween).toEqual([
      {
        type: 'BASED_IN',
        from: { name: '北京深度求索人工智能基础技术研究有限公司' },
        to: { name: '浙江省' },
        sources: [{ key: 'report-2025-03#2' }],
      },
    ]);
  });

  it('refuses an id that is not an entity, naming the argument', async () => {
    const ids = await api.gql('{ c: companyByName(name: "DeepSeek") { id } }');
    const source = Buffer.from('Source:report-2025-03', 'utf8').toString('base64url');
    for (const [a, b, field] of [
      [source, ids.data.c.id, 'a'],
      [ids.data.c.id, source, 'b'],
      [ids.data.c.id, 'not an id', 'b'],
    ]) {
      const r = await api.gql('query($a: ID!, $b: ID!) { relationshipsBetween(a: $a, b: $b) { type } }', { a, b });
      expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain(`"${field}"`);
    }
  });
});

describe('statistics', () => {
  it('puts the stated first batch beside the filings counted for 2023-08', async () => {
    const r = await api.gql(
      '{ filingsOverTime(granularity: MONTH) { rows { label counted stated { value source { key } } } } }',
    );
    const aug = r.data.filingsOverTime.rows.find((x: any) => x.label === '2023-08');
    expect(aug.counted).toBe(8);
    expect(aug.stated).toEqual([{ value: 11, source: { key: 'report-2025-03#1' } }]);
  });

  it('gives the announced totals as a dated timeline', async () => {
    const r = await api.gql('{ filingTimeline { metric value asOf period source { key } } }');
    const cumulative = r.data.filingTimeline.filter(
      (c: any) => c.metric === 'CUMULATIVE_FILINGS' && c.source.key === 'cac-announcements',
    );
    expect(cumulative.map((c: any) => [c.asOf, c.value])).toEqual([
      ['2024-12-31', 302],
      ['2025-03-31', 346],
      ['2025-12-31', 748],
      ['2026-02-28', 796],
    ]);
  });

  it('counts clusters from their regions and shares from the counted total', async () => {
    const r = await api.gql(
      '{ filingsByCluster(rankBy: COUNTED) { totalCounted rows { label counted countedShare } } }',
    );
    const b = r.data.filingsByCluster;
    for (const row of b.rows) expect(row.countedShare).toBeCloseTo(row.counted / b.totalCounted, 10);
    expect(b.rows.find((x: any) => x.label === '京津冀').counted).toBeGreaterThan(0);
  });
});
