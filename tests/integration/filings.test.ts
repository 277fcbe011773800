import { readFileSync } from 'node:fs';
import { cypher } from '../../src/db/cypher';
import { importFile } from '../../src/filing/import';
import {
  BUNDLED_LISTS,
  DEFAULT_FILING_LIST,
  loadDefaultData,
  MORE_FILINGS,
  skippedRows,
} from '../../src/setup/default-data';
import { type TestApi, testApi } from '../support/api';
import { resetData } from '../support/reset';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(async () => {
  await resetData(api.db);
  await api.close();
});

const csvRows = (file: string) => readFileSync(file, 'utf8').trim().split('\n').slice(1);
const fromList = async (source: string) => (await api.db.read(cypher('filing/source-counts'), { source }))[0];

describe('a row of a filing list is a filing', () => {
  it('gives every row of the bundled list its own model (regression: 66 rows gave 64 models)', async () => {
    const rows = csvRows(DEFAULT_FILING_LIST).length;
    expect(rows).toBe(66);
    expect(Number((await fromList('cac-filings-partial')).models)).toBe(rows);
    const r = await api.gql(
      '{ models(where: { nameContains: "天玄" }) { totalCount nodes { name filingSeq developers { nodes { name } } } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.models.totalCount).toBe(3);
    expect(r.data.models.nodes.map((m: any) => [m.name, m.filingSeq]).sort()).toEqual([
      ['天玄', 749],
      ['天玄', 750],
      ['天玄', 751],
    ]);
  });

  it('imports the bundled lists again without adding or changing anything', async () => {
    const before = await api.db.read(cypher('load/fingerprint'));
    for (const list of BUNDLED_LISTS) {
      const report = await importFile(api.db, list.file, list.options);
      expect(report.skipped).toBe(0);
    }
    expect(await api.db.read(cypher('load/fingerprint'))).toEqual(before);
  });

  it('keeps every row of the bundled lists and names each row it would skip, with why (regression: a hard-coded count of 9)', async () => {
    const lines: string[] = [];
    await loadDefaultData(api.db, (m) => lines.push(m));
    expect(lines.filter((l) => / skipped: /.test(l))).toEqual([]);
    expect(lines).toEqual(expect.arrayContaining(['cac-filings-more: 25 of 25 rows written, 0 skipped, 33 warnings']));
    expect(
      skippedRows([
        { row: 4, column: '模型名称', rule: 'is empty, and the row has no 序号 or 备案编号 to identify the filing by' },
        { row: 2, column: '备案时间', rule: 'is in the future' },
        { row: 4, column: '备案单位', rule: 'is empty, and the row has no 序号 or 备案编号 to identify the filing by' },
      ]),
    ).toEqual([
      [2, ['备案时间 is in the future']],
      [
        4,
        [
          '模型名称 is empty, and the row has no 序号 or 备案编号 to identify the filing by',
          '备案单位 is empty, and the row has no 序号 or 备案编号 to identify the filing by',
        ],
      ],
    ]);
  });

  it('says every company with a row on a filing list has filings (regression: 24 said false)', async () => {
    const listed = new Set(csvRows(DEFAULT_FILING_LIST).map((line) => line.split(',')[3]));
    const r = await api.gql(
      '{ yes: companies(where: { hasFilings: true }, first: 100) { totalCount nodes { name aliases } } no: companies(where: { hasFilings: false }, first: 100) { nodes { name aliases } } }',
    );
    expect(r.errors).toBeUndefined();
    const namesOf = (c: any) => [c.name, ...c.aliases];
    for (const company of listed) {
      expect([company, r.data.yes.nodes.some((c: any) => namesOf(c).includes(company))]).toEqual([company, true]);
      expect(r.data.no.nodes.some((c: any) => namesOf(c).includes(company))).toBe(false);
    }
  });

  it('treats 国资委 as the channel central SOEs file through, not as where they are', async () => {
    const r = await api.gql(
      `{ companyByName(name: "中国移动") { regions { nodes { name } } models(first: 10) { nodes { name filedIn { edges { node { key name kind } relationship { properties } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.companyByName.regions.nodes.map((n: any) => n.name)).not.toContain('中央企业');
    const jiutian = r.data.companyByName.models.nodes.find((m: any) => m.name === '九天自然语言交互大模型');
    const edge = jiutian.filedIn.edges.find((e: any) => e.node.key === 'central-soe');
    expect(edge.node.kind).toBe('CENTRAL_SOE');
    expect(edge.relationship.properties.channel).toBe('国资委');
    const [based] = await api.db.read({
      file: 'test',
      text: "MATCH (:Company)-[r:BASED_IN]->(:Region {key: 'central-soe'}) RETURN count(r) AS n",
    });
    expect(Number(based.n)).toBe(0);
    // The report's province table keeps its central-SOE row.
    const t = await api.gql('{ filingsByRegion(asOf: "2026-12-31") { rows { label counted } } }');
    expect(t.data.filingsByRegion.rows.find((x: any) => x.label === '中央企业').counted).toBeGreaterThan(0);
  });
});

describe('the further rows (cac-filings-more.csv)', () => {
  it('keeps every row by its identity, each missing field said once (regression: 9 of 25 rows dropped)', async () => {
    const report = await importFile(api.db, MORE_FILINGS, { source: 'cac-filings-more', dryRun: true });
    expect([report.rows, report.valid, report.skipped, report.errorCount]).toEqual([25, 25, 0, 0]);
    const missing = report.warnings
      .filter((w) => / unknown/.test(w.rule))
      .map((w) => `${w.row} ${w.column}`)
      .sort();
    // 登记 310, 353, 354, 393, 496 without a name; 一叶轻舟 without a filer; three filing numbers alone.
    expect(missing).toEqual(
      [
        '11 模型名称',
        '13 模型名称',
        '14 模型名称',
        '15 模型名称',
        '16 模型名称',
        '23 模型名称',
        '23 备案单位',
        '24 备案单位',
        '25 模型名称',
        '25 备案单位',
        '26 模型名称',
        '26 备案单位',
      ].sort(),
    );
    expect(Number((await fromList('cac-filings-more')).models)).toBe(25);
  });

  it('answers each filing number a row gives alone, with the province its prefix names and nothing invented', async () => {
    const r = await api.gql(`{
      a: modelByFilingNumber(filingNumber: "Hunan-PinCaiMao-202412310003") { ...f }
      b: modelByFilingNumber(filingNumber: "Beijing-YiYeQingZhou-20240102") { ...f }
      c: modelByFilingNumber(filingNumber: "Beijing-ZhiHaiTuAI-20231016") { ...f }
      d: modelByFilingNumber(filingNumber: "Jiangsu-CarrotAI-202407030002") { ...f }
    }
    fragment f on Model { name nameGiven filingDate developers { totalCount } filedIn { nodes { name } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      a: {
        name: 'Hunan-PinCaiMao-202412310003',
        nameGiven: false,
        filingDate: null,
        developers: { totalCount: 0 },
        filedIn: { nodes: [{ name: '湖南省' }] },
      },
      b: {
        name: '一叶轻舟大语言模型 (Skiff-LLMs)',
        nameGiven: true,
        filingDate: null,
        developers: { totalCount: 0 },
        filedIn: { nodes: [{ name: '北京市' }] },
      },
      c: {
        name: 'Beijing-ZhiHaiTuAI-20231016',
        nameGiven: false,
        filingDate: null,
        developers: { totalCount: 0 },
        filedIn: { nodes: [{ name: '北京市' }] },
      },
      d: {
        name: 'Jiangsu-CarrotAI-202407030002',
        nameGiven: false,
        filingDate: null,
        developers: { totalCount: 0 },
        filedIn: { nodes: [{ name: '江苏省' }] },
      },
    });
  });

  it('makes each 登记 registrant a company with its registrations, found by search', async () => {
    for (const [name, seqs] of [
      ['哈尔滨工业大学', [310]],
      ['上海市第一妇婴保健院', [353, 354]],
      ['广东外语外贸大学', [393]],
      ['上海交通大学医学院附属瑞金医院', [496]],
    ] as const) {
      const r = await api.gql(
        'query($t: String!) { search(text: $t, types: [COMPANY], first: 1) { node { ... on Company { name models { nodes { name nameGiven filingType filingSeq } } } } } }',
        { t: name },
      );
      expect(r.errors).toBeUndefined();
      const company = r.data.search[0].node;
      expect(company.name).toBe(name);
      expect(company.models.nodes.map((m: any) => [m.name, m.nameGiven, m.filingType, m.filingSeq]).sort()).toEqual(
        seqs.map((n) => [`登记 ${n}（${name}）`, false, '登记', n]),
      );
    }
  });

  it('names a filed model as the list does, its filer a relationship (regression: 小米端侧文本（美卓软件设计（北京）有限公司）)', async () => {
    const r = await api.gql(
      '{ modelByName(name: "小米端侧文本") { name sourceKeys: sources { key } developers { nodes { name } } } bracketed: models(where: { nameContains: "美卓" }) { totalCount } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.bracketed.totalCount).toBe(0);
    const model = r.data.modelByName;
    expect(model.name).toBe('小米端侧文本');
    // The report's 小米 model and the list's filing by 美卓 (a Xiaomi company, data/aliases.json) are one model.
    expect(model.developers.nodes.map((c: any) => c.name).sort()).toEqual(
      ['小米', '美卓软件设计（北京）有限公司'].sort(),
    );
    expect(model.sourceKeys.map((s: any) => s.key)).toEqual(expect.arrayContaining(['cac-filings-more']));
  });

  it('keeps registrations (登记) apart from filings, as their own kind', async () => {
    const r = await api.gql(
      '{ reg: models(where: { nameContains: "12345智能体" }) { nodes { name filingType filingSeq filingBatch } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.reg.nodes).toEqual([
      { name: '12345智能体', filingType: '登记', filingSeq: 539, filingBatch: '附件12(2026年5月至6月)' },
    ]);
    const [kinds] = await api.db.read({
      file: 'test',
      text: "MATCH (m:Model) WHERE 'cac-filings-more' IN m.sourceKeys RETURN count(CASE WHEN m.filingType = '登记' THEN 1 END) AS registrations, count(CASE WHEN m.filingType = '备案' THEN 1 END) AS filings",
    });
    expect([Number(kinds.registrations), Number(kinds.filings)]).toEqual([12, 13]);
    // Registrations are not counted as filings.
    const all = await api.gql('{ filingsByRegion(asOf: "2026-12-31") { totalCounted undated } }');
    const [filed] = await api.db.read({
      file: 'test',
      text: "MATCH (m:Model {filingType: '备案'}) RETURN count(m) AS n",
    });
    expect(all.data.filingsByRegion.totalCounted + all.data.filingsByRegion.undated).toBe(Number(filed.n));
  });

  it('holds the batch totals and the per-属地 counts of filings 189-611 as stated figures with their source', async () => {
    const r = await api.gql(
      '{ filingTimeline { metric value period asOf source { key } } filingsByRegion(asOf: "2026-12-31") { rows { label stated { metric value period source { key } } } } }',
    );
    expect(r.errors).toBeUndefined();
    const batches = r.data.filingTimeline.filter((c: any) => c.metric === 'FILINGS_IN_BATCH');
    expect(batches.map((c: any) => c.value)).toEqual([117, 71, 680, 120]);
    expect(
      r.data.filingTimeline.find((c: any) => c.metric === 'CUMULATIVE_FILINGS' && c.asOf === '2026-06-30').value,
    ).toBe(988);
    const inRange = r.data.filingsByRegion.rows.flatMap((row: any) =>
      row.stated.filter((c: any) => c.metric === 'FILINGS_COUNT_IN_RANGE'),
    );
    expect(inRange.reduce((s: number, c: any) => s + c.value, 0)).toBe(423);
    for (const c of inRange) expect(c.source.key).toBe('china-ai-registry-book');
    const beijing = r.data.filingsByRegion.rows.find((row: any) => row.label === '北京市');
    expect(beijing.stated.find((c: any) => c.metric === 'FILINGS_COUNT_IN_RANGE').value).toBe(81);
  });
});

describe('counted beside stated, like with like', () => {
  it('counts as of the stated figures date by default, and says how partial the count is', async () => {
    const r = await api.gql(
      '{ d: filingsByRegion { asOf totalCounted undated coverage coverageNote statedTotal { value asOf } } all: filingsByRegion(asOf: "2026-12-31") { asOf totalCounted statedTotal { value asOf } } }',
    );
    expect(r.errors).toBeUndefined();
    const d = r.data.d;
    expect(d.asOf).toBe('2025-03-31');
    expect(d.statedTotal).toEqual({ value: 346, asOf: '2025-03-31' });
    const [byThen] = await api.db.read({
      file: 'test',
      text: "MATCH (m:Model {filingType: '备案'}) WHERE m.filingDate <= '2025-03-31' RETURN count(m) AS n",
    });
    expect(d.totalCounted).toBe(Number(byThen.n));
    expect(d.coverage).toBeCloseTo(d.totalCounted / 346, 10);
    expect(d.coverageNote).toBe(
      `counted ${d.totalCounted} of the stated 346 (${((d.totalCounted / 346) * 100).toFixed(1)}%) as of 2025-03-31; stated total as of 2025-03-31`,
    );
    expect(d.undated).toBeGreaterThan(0);
    // A later date counts the later filings, against the stated total of that date.
    expect(r.data.all.totalCounted).toBeGreaterThan(d.totalCounted);
    expect(r.data.all.statedTotal).toEqual({ value: 988, asOf: '2026-06-30' });
  });

  it('leaves out stated figures dated after asOf', async () => {
    const r = await api.gql(
      '{ filingsByRegion(asOf: "2024-12-31") { statedTotal { value } rows { label statedCount } } }',
    );
    expect(r.data.filingsByRegion.statedTotal.value).toBe(302);
    expect(r.data.filingsByRegion.rows.every((x: any) => x.statedCount === null)).toBe(true);
  });

  it('refuses a date that is not a calendar date, naming the argument', async () => {
    const r = await api.gql('{ filingsByRegion(asOf: "2025-02-30") { totalCounted } }');
    expect(r.errors![0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(r.errors![0].message).toMatch(/asOf|Date/);
  });
});
