import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { cypher } from '../../src/db/cypher';
import { importFile } from '../../src/filing/import';
import { testApi, type TestApi } from '../support/api';
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
    expect(report).toMatchObject({ rows: 9, valid: 2, skipped: 7, written: null, dryRun: true });
    const problems = report.errors.map((e) => `${e.row}:${e.column}`);
    expect(problems).toEqual(
      expect.arrayContaining(['4:属地', '5:备案编号', '6:模型名称', '7:备案时间', '8:备案单位', '9:模型名称', '10:属地']),
    );
  });

  it('writes the valid rows, resolves aliases to existing companies, and a re-import changes nothing', async () => {
    const report = await importFile(api.db, FIXTURE, { source: 'test-batch' });
    expect(report.valid).toBe(2);
    const after = await counts();
    const again = await importFile(api.db, FIXTURE, { source: 'test-batch' });
    expect(again.valid).toBe(2);
    expect(await counts()).toBe(after);

    const r = await api.gql(`{ a: modelByFilingNumber(filingNumber: "Beijing-CeShiMoXingA-202501010001") { name filingDate developers { nodes { name } } filedIn { nodes { code } } sources { key } }
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
    sheet.addRow([1, '上海市', '测试表格模型', '上海测试表格科技有限公司', 'Shanghai-CeShiBiaoGe-202502020001', new Date('2025-02-20T00:00:00Z')]);
    sheet.addRow([2, '上海市', '', '上海测试表格科技有限公司', '', '2025-02-21']);
    const file = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'list.xlsx');
    await workbook.xlsx.writeFile(file);
    const report = await importFile(api.db, file, { source: 'test-xlsx' });
    expect(report).toMatchObject({ rows: 2, valid: 1, skipped: 1 });
    expect(report.errors[0]).toMatchObject({ row: 3, column: '模型名称' });
    const r = await api.gql('{ modelByName(name: "测试表格模型") { filingDate filingNumber filedIn { nodes { name } } } }');
    expect(r.data.modelByName).toEqual({ filingDate: '2025-02-20', filingNumber: 'Shanghai-CeShiBiaoGe-202502020001', filedIn: { nodes: [{ name: '上海市' }] } });
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
