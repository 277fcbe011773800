import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { cypher } from '../../src/db/cypher';
import { formatProblems, importFile, importRows } from '../../src/filing/import';
import { EDITOR, type TestApi, testApi } from '../support/api';
import { resetData } from '../support/reset';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(async () => {
  await resetData(api.db);
  await api.close();
});

const FIXTURE = join(__dirname, '..', 'fixtures', 'batch-mixed.csv');
const counts = async () => (await api.db.read(cypher('load/fingerprint'))).length;

describe('importing an official list', () => {
  it('explains every bad row with row and column, and a dry run writes nothing', async () => {
    const before = await counts();
    const report = await importFile(api.db, FIXTURE, { dryRun: true, source: 'test-batch' });
    expect(await counts()).toBe(before);
    expect(report).toMatchObject({ rows: 9, valid: 3, skipped: 6, written: null, dryRun: true });
    const problems = report.errors.map((e) => `${e.row}:${e.column}`);
    expect(problems).toEqual(
      expect.arrayContaining(['4:属地', '5:备案编号', '6:模型名称', '7:备案时间', '9:模型名称', '10:属地']),
    );
    // A row without a filer but with its 序号 is a filing whose filer is unknown: kept, said once.
    expect(problems).not.toContain('8:备案单位');
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        {
          row: 8,
          column: '备案单位',
          rule: 'is empty: the filing is kept by its 备案 序号 7, its filer unknown',
          value: '',
        },
      ]),
    );
  });

  it('writes the valid rows, resolves aliases to existing companies, and a re-import changes nothing', async () => {
    const report = await importFile(api.db, FIXTURE, { source: 'test-batch' });
    expect(report.valid).toBe(3);
    const after = await counts();
    const again = await importFile(api.db, FIXTURE, { source: 'test-batch' });
    expect(again.valid).toBe(3);
    expect(await counts()).toBe(after);

    const r =
      await api.gql(`{ a: modelByFilingNumber(filingNumber: "Beijing-CeShiMoXingA-202501010001") { name filingDate developers { nodes { name } } filedIn { nodes { code } } sources { key } }
      b: modelByName(name: "测试模型乙") { developers { nodes { name nameEn } } }
      c: modelByName(name: "测试模型丁") { key } }`);
    expect(r.data.a).toEqual({
      name: '测试模型甲',
      filingDate: '2025-01-10',
      developers: { nodes: [{ name: '北京测试甲科技有限公司' }] },
      filedIn: { nodes: [{ code: '110000' }] },
      sources: [{ key: 'test-batch' }],
    });
    expect(r.data.b.developers.nodes).toEqual([{ name: '北京百度网讯科技有限公司', nameEn: 'Baidu' }]);
    expect(r.data.c).toBeNull();
  });

  it('reads XLSX in the published layout', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('备案信息');
    sheet.addRow(['序号', '属地', '模型名称', '备案单位', '备案编号', '备案时间']);
    sheet.addRow([
      1,
      '上海市',
      '测试表格模型',
      '上海测试表格科技有限公司',
      'Shanghai-CeShiBiaoGe-202502020001',
      new Date('2025-02-20T00:00:00Z'),
    ]);
    // No name and nothing to identify the filing by (no 序号, no filing number): skipped.
    sheet.addRow([null, '上海市', '', '上海测试表格科技有限公司', '', '2025-02-21']);
    const file = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'list.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await importFile(api.db, file, { source: 'test-xlsx' });
    expect(report).toMatchObject({ rows: 2, valid: 1, skipped: 1 });
    expect(report.errors[0]).toMatchObject({ row: 3, column: '模型名称' });
    const r = await api.gql(
      '{ modelByName(name: "测试表格模型") { filingDate filingNumber filedIn { nodes { name } } } }',
    );
    expect(r.data.modelByName).toEqual({
      filingDate: '2025-02-20',
      filingNumber: 'Shanghai-CeShiBiaoGe-202502020001',
      filedIn: { nodes: [{ name: '上海市' }] },
    });
  });

  it("applies createEntity's name rules to every cell (regression: a 300-character name, U+202E and mojibake were imported)", async () => {
    const before = await counts();
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const file = join(dir, 'names.csv');
    require('node:fs').writeFileSync(
      file,
      [
        '序号,属地,模型名称,备案单位,备案编号,备案时间',
        `1,北京市,${'长'.repeat(300)},北京长名科技有限公司,,2025-01-02`,
        '2,北京市,反转\u202E模型,北京反转科技有限公司,,2025-01-02',
        '3,北京市,乱码模型,北京锟斤拷科技有限公司,,2025-01-02',
      ].join('\n'),
    );
    const report = await importFile(api.db, file, { dryRun: true });
    const rules = report.errors.map((e) => `${e.row}:${e.column}:${e.rule}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        '2:模型名称:must be at most 200 characters',
        '3:模型名称:contains bidirectional-override or zero-width characters, which make look-alike names',
      ]),
    );
    expect(report.errors.some((e) => e.row === 4 && e.column === '备案单位')).toBe(true);
    expect(report.valid).toBe(0);
    expect(await counts()).toBe(before);
  });

  it('lists at most 1,000 problems of each kind and counts them all (regression: 500,000 problems, 18 MB)', async () => {
    // Rows without a name, a 序号 or a filing number identify no filing: each one an error.
    const rows = Array.from({ length: 1500 }, () => ',北京市,,北京空名科技有限公司,,2025-01-02');
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const file = join(dir, 'many.csv');
    require('node:fs').writeFileSync(file, ['序号,属地,模型名称,备案单位,备案编号,备案时间', ...rows].join('\n'));
    const report = await importFile(api.db, file, { dryRun: true });
    expect(report.errors).toHaveLength(1000);
    expect(report.errorCount).toBe(1500);
    expect(report.skipped).toBe(1500);
    expect(formatProblems(report)).toMatch(/listed the first 1000 of each: 1500 errors and \d+ warnings in all/);
  });

  it('refuses a file with no model column and writes nothing', async () => {
    const before = await counts();
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const file = join(dir, 'bad.csv');
    require('node:fs').writeFileSync(file, '序号,属地,备案编号\n1,北京市,Beijing-X-20240101\n');
    const report = await importFile(api.db, file);
    expect(report.errors[0]).toMatchObject({ row: 1, column: 'header' });
    expect(report.written).toBeNull();
    expect(await counts()).toBe(before);
  });
});

describe('hostile and large workbooks (regression: a cell at XFD blocked 5.5 s; a cell at row 100,000 ran over 60 s; rows² growth)', () => {
  const workbookBase64 = async (fill: (sheet: ExcelJS.Worksheet) => void) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('备案信息');
    sheet.addRow(['序号', '属地', '模型名称', '备案单位', '备案编号', '备案时间']);
    fill(sheet);
    return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
  };
  const dryRun = (content: string) =>
    api.gql(
      'mutation($c: String!) { importFilingList(content: $c, format: XLSX_BASE64, source: "hostile", dryRun: true) { rows valid skipped errors { row column rule } } }',
      { c: content },
      EDITOR,
    );

  /** Runs work while sampling this process's event loop: the longest gap between 10 ms ticks. */
  async function withLoopLag<T>(work: () => Promise<T>): Promise<{ value: T; maxLagMs: number }> {
    let last = performance.now();
    let maxLagMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxLagMs = Math.max(maxLagMs, now - last - 10);
      last = now;
    }, 10);
    try {
      return { value: await work(), maxLagMs };
    } finally {
      clearInterval(timer);
    }
  }

  it('refuses a workbook with a cell longer than any field (regression: one cell expanded to 60 MB crashed the server)', async () => {
    const content = await workbookBase64((sheet) => {
      sheet.addRow([1, '北京市', '长'.repeat(200_000), '北京长格科技有限公司', '', '2025-01-02']);
    });
    // The workbook compresses the repeated cell to a few kilobytes; unpacked it is 200,000 characters.
    expect(content.length).toBeLessThan(20_000);
    const r = await dryRun(content);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'content' });
    expect(r.errors?.[0].message).toMatch(
      /row 2, column 3 holds 2000\d\d characters; a cell of a filing list has at most 10000/,
    );
    expect((await api.gql('{ companyByName(name: "百度") { name } }')).data.companyByName.name).toBe(
      '北京百度网讯科技有限公司',
    );
  });

  it('reads a workbook with one cell at column XFD as its rows, in a worker, with the event loop free', async () => {
    const content = await workbookBase64((sheet) => {
      sheet.addRow([1, '北京市', '宽表模型', '北京宽表科技有限公司', '', '2025-01-02']);
      sheet.getCell('XFD2').value = 'far away';
    });
    const { value: r, maxLagMs } = await withLoopLag(() => dryRun(content));
    expect(r.errors).toBeUndefined();
    expect(r.data.importFilingList).toMatchObject({ rows: 1, valid: 1, skipped: 0 });
    expect(maxLagMs).toBeLessThan(500);
  });

  it('reads a workbook with a cell at row 100,000 as the rows it holds', async () => {
    const content = await workbookBase64((sheet) => {
      sheet.addRow([1, '北京市', '长表模型', '北京长表科技有限公司', '', '2025-01-02']);
      sheet.getCell('C100000').value = '远处模型';
      sheet.getCell('D100000').value = '北京远处科技有限公司';
    });
    const started = Date.now();
    const r = await dryRun(content);
    expect(r.data.importFilingList).toMatchObject({ rows: 2, valid: 2 });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('streams a CSV from disk into rows (the importer never holds the file as text)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stream-'));
    const file = join(dir, 'list.csv');
    const lines = [
      '序号,属地,模型名称,备案单位,备案编号,备案时间',
      ...Array.from({ length: 5000 }, (_, i) => `${i + 1},北京市,流式模型${i},北京流式科技有限公司,,2025-01-02`),
    ];
    require('node:fs').writeFileSync(file, lines.join('\n'));
    const report = await importFile(api.db, file, { dryRun: true, source: 'stream' });
    expect(report).toMatchObject({ rows: 5000, valid: 5000, skipped: 0 });
    expect(report.warnings.filter((w) => w.column !== '属地')).toEqual([]);
  });
});

describe('a list is validated and written as it is read (regression: a 1,000,000-row dry run peaked at 1.1 GB)', () => {
  it('writes the first batch before it has read far past it, and lists at most 1,000 problems of each kind', async () => {
    let pulled = 0;
    const pulledAtWrites: number[] = [];
    function* rows() {
      for (let i = 1; i <= 2_400; i++) {
        pulled += 1;
        const n = String(i).padStart(5, '0');
        // Every third row lacks its company: an error, so problems outnumber what a report lists.
        const company = i % 3 === 0 ? '' : `北京流式测试${n}科技有限公司`;
        yield { row: i + 1, cells: { region: '北京市', model: `流式模型${n}`, company, filingDate: '2025-01-02' } };
      }
    }
    const report = await importRows(api.db, rows(), () => [], 'stream.csv', {
      source: 'test-stream',
      rowsPerTransaction: 100,
      onProgress: () => pulledAtWrites.push(pulled),
    });
    expect(report).toMatchObject({ rows: 2_400, valid: 1_600, skipped: 800, errorCount: 800 });
    expect(report.written?.nodes).toBeGreaterThan(0);
    // 16 batches of 100 valid rows, each written once 150 rows had been read for it (a third are bad):
    // the list is never held whole.
    expect(pulledAtWrites).toHaveLength(16);
    expect(pulledAtWrites[0]).toBeLessThanOrEqual(150);
    expect(pulledAtWrites.every((p, i) => p <= 150 * (i + 1))).toBe(true);
    const [written] = await api.db.read({
      file: 'test/stream-count',
      text: "MATCH (m:Model) WHERE 'test-stream' IN m.sourceKeys RETURN count(m) AS n",
    });
    expect(Number(written.n)).toBe(1_600);

    const many = await importRows(
      api.db,
      (function* () {
        for (let i = 1; i <= 1_500; i++) yield { row: i + 1, cells: { model: '', company: '' } };
      })(),
      () => [],
      'bad.csv',
      { dryRun: true },
    );
    expect(many).toMatchObject({ errorCount: 3_000, skipped: 1_500, written: null });
    expect(many.errors).toHaveLength(1_000);
  });
});
