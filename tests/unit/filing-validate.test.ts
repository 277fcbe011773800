import { parseCsvText } from '../../src/filing/parse';
import {
  MAX_PROBLEMS_LISTED,
  normalizeDate,
  type RegionRef,
  RowValidator,
  validateRows,
} from '../../src/filing/validate';

const REGIONS: Record<string, RegionRef> = {
  北京市: { key: '110000', name: '北京市', filingPrefix: 'Beijing' },
  beijing: { key: '110000', name: '北京市', filingPrefix: 'Beijing' },
  上海市: { key: '310000', name: '上海市', filingPrefix: 'Shanghai' },
  shanghai: { key: '310000', name: '上海市', filingPrefix: 'Shanghai' },
};
const region = (name: string) => REGIONS[name.toLowerCase()] ?? REGIONS[name];
const today = new Date('2026-11-29T00:00:00Z');

function check(csv: string) {
  return validateRows(parseCsvText(csv).rows, region, today);
}

const HEADER = '序号,属地,模型名称,备案单位,备案编号,备案时间\n';

describe('filing list validation', () => {
  it('accepts a good row and normalises its fields', () => {
    const v = check(`${HEADER}1,北京市,文心一言,北京百度网讯科技有限公司,Beijing-WenXinYiYan-20230821,2023/8/31\n`);
    expect(v.errors).toEqual([]);
    expect(v.valid).toEqual([
      {
        row: 2,
        seq: 1,
        regionKey: '110000',
        model: '文心一言',
        company: '北京百度网讯科技有限公司',
        filingNumber: 'Beijing-WenXinYiYan-20230821',
        filingDate: '2023-08-31',
        sourceNote: null,
        kind: '备案',
        batch: null,
        channel: false,
      },
    ]);
  });

  it('reads headers in another order and spelling, with an extra column', () => {
    const parsed = parseCsvText(
      '备案号,备案日期,单位名称,大模型名称,地区,来源,备注\nShanghai-X-20240101,2024-01-05,上海某某科技有限公司,某模型,上海市,公告,x\n',
    );
    const v = validateRows(parsed.rows, region, today);
    expect(parsed.headerProblems).toEqual([]);
    expect(v.valid[0]).toMatchObject({
      model: '某模型',
      company: '上海某某科技有限公司',
      regionKey: '310000',
      sourceNote: '公告',
    });
  });

  it('reports a missing required column in the header', () => {
    expect(parseCsvText('序号,属地,备案编号\n1,北京市,x\n').headerProblems[0]).toMatch(/no 模型名称 column/);
  });

  it.each([
    ['empty model name, no 序号 or number', ',北京市,,北京某某有限公司,,2024-01-01', '模型名称', /no 序号 or 备案编号/],
    ['empty company, no 序号 or number', ',北京市,某模型,,,2024-01-01', '备案单位', /no 序号 or 备案编号/],
    ['bad filing number', '2,北京市,某模型,北京某某有限公司,Beijing_X_2024,2024-01-01', '备案编号', /must read/],
    [
      'impossible date in number',
      '2,北京市,某模型,北京某某有限公司,Beijing-X-20241399,2024-01-01',
      '备案编号',
      /impossible date/,
    ],
    [
      'unknown prefix',
      '2,北京市,某模型,北京某某有限公司,Atlantis-X-20240101,2024-01-01',
      '备案编号',
      /not a known province/,
    ],
    [
      'prefix disagrees with 属地',
      '2,上海市,某模型,上海某某有限公司,Beijing-X-20240101,2024-01-01',
      '属地',
      /prefix "Beijing" says 北京市/,
    ],
    ['unknown region', '2,火星,某模型,北京某某有限公司,,2024-01-01', '属地', /not a known/],
    ['bad date', '2,北京市,某模型,北京某某有限公司,,2024-02-30', '备案时间', /real date/],
    ['future date', '2,北京市,某模型,北京某某有限公司,,2027-01-01', '备案时间', /future/],
    ['date before the regime', '2,北京市,某模型,北京某某有限公司,,2019-01-01', '备案时间', /before 2023-01-01/],
    ['swapped columns', '2,北京市,北京某某科技有限公司,某某大模型,,2024-01-01', '模型名称', /swapped/],
    ['company that is a model', '2,北京市,某某,某某GPT,,2024-01-01', '备案单位', /swapped/],
    ['stray characters', '2,北京市,某模型\uFFFD,北京某某有限公司,,2024-01-01', '模型名称', /stray/],
    ['mojibake', '2,北京市,锟斤拷模型,北京某某有限公司,,2024-01-01', '模型名称', /garbled/],
    ['non-numeric sequence', 'x2,北京市,某模型,北京某某有限公司,,2024-01-01', '序号', /whole number/],
  ])('rejects a row with %s, naming row and column', (_name, line, column, rule) => {
    const v = check(`${HEADER + line}\n`);
    expect(v.valid).toEqual([]);
    expect(v.errors.length).toBeGreaterThan(0);
    expect(v.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 2, column, rule: expect.stringMatching(rule) })]),
    );
  });

  it('rejects the second of two rows with one filing number, naming the first', () => {
    const v = check(
      HEADER +
        '1,北京市,甲,北京甲有限公司,Beijing-A-20240101,2024-01-02\n2,北京市,乙,北京乙有限公司,beijing-a-20240101,2024-01-02\n',
    );
    expect(v.valid.map((r) => r.model)).toEqual(['甲']);
    expect(v.errors).toEqual([
      expect.objectContaining({ row: 3, column: '备案编号', rule: expect.stringContaining('row 2') }),
    ]);
  });

  it('warns, and keeps the row, where 属地 is empty but the number gives the province', () => {
    const v = check(`${HEADER}1,,甲,北京甲有限公司,Beijing-A-20240101,2024-01-02\n`);
    expect(v.valid[0].regionKey).toBe('110000');
    expect(v.warnings[0]).toMatchObject({ row: 2, column: '属地' });
  });

  it('cleans invisible spaces with a warning', () => {
    const v = check(`${HEADER}1,北京市,\u200B甲\u00A0模型 ,北京甲有限公司,,2024-01-02\n`);
    expect(v.valid[0].model).toBe('甲 模型');
    expect(v.warnings.some((w) => w.column === '模型名称')).toBe(true);
  });

  it('normalises the date spellings lists use', () => {
    expect(['2023-08-31', '2023/8/31', '2023.8.31', '2023年8月31日', '20230831'].map(normalizeDate)).toEqual(
      Array(5).fill('2023-08-31'),
    );
    expect(normalizeDate('31/08/2023')).toBeNull();
  });

  describe('a row is a filing (regression: rows 749-751, 天玄 ×3 without numbers, became one model silently)', () => {
    it('keeps rows that name one model and company under their own 序号, with a warning naming the first', () => {
      const v = check(
        HEADER +
          '749,,天玄,中国航天科技创新研究院,,\n750,,天玄,中国航天科技创新研究院,,\n751,,天玄,中国航天科技创新研究院,,\n',
      );
      expect(v.errors).toEqual([]);
      expect(v.valid.map((r) => r.seq)).toEqual([749, 750, 751]);
      expect(v.warnings.filter((w) => w.column === '模型名称').map((w) => [w.row, w.rule])).toEqual([
        [3, expect.stringMatching(/same model and company as row 2; kept as a separate filing/)],
        [4, expect.stringMatching(/same model and company as row 2; kept as a separate filing/)],
      ]);
    });

    it('writes a true duplicate once and names both rows', () => {
      const same = check(
        `${HEADER}7,北京市,某模型,北京某某有限公司,,2024-01-01\n7,北京市,某模型,北京某某有限公司,,2024-01-01\n`,
      );
      expect(same.valid).toHaveLength(1);
      expect(same.warnings.map((w) => [w.row, w.column, w.rule])).toEqual([
        [3, '序号', 'duplicates row 2 (same 序号 and content): written once'],
      ]);
      const unnumbered = check(`${HEADER},,某模型,北京某某有限公司,,\n,,某模型,北京某某有限公司,,\n`);
      expect(unnumbered.valid).toHaveLength(1);
      expect(unnumbered.warnings.map((w) => w.rule)).toContain(
        'duplicates row 2 (same model and company, no 序号 or filing number): written once',
      );
    });

    it('refuses a 序号 used twice with different content, naming the first row', () => {
      const v = check(
        `${HEADER}7,北京市,某模型,北京某某有限公司,,2024-01-01\n7,北京市,另一模型,北京某某有限公司,,2024-01-01\n`,
      );
      expect(v.valid).toHaveLength(1);
      expect(v.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
        [3, '序号', 'is also the 备案 序号 of row 2, which has different content'],
      ]);
    });

    it('keeps registration (登记) rows apart: their own kind and their own numbering', () => {
      const parsed = parseCsvText(
        '序号,属地,模型名称,备案单位,备案编号,备案时间,批次\n7,,某应用,北京某某有限公司,,,登记·附件12(2026年5月至6月)\n7,,某模型,北京某某有限公司,,,备案·附件(2025年3月)\n',
      );
      const v = validateRows(parsed.rows, region, today);
      expect(v.errors).toEqual([]);
      expect(v.valid.map((r) => [r.seq, r.kind, r.batch])).toEqual([
        [7, '登记', '附件12(2026年5月至6月)'],
        [7, '备案', '附件(2025年3月)'],
      ]);
    });
  });
});

describe('a row is kept by what identifies the filing (issue 22: 9 of 25 rows were dropped)', () => {
  const check = (line: string) => validateRows(parseCsvText(HEADER + line).rows, region, today);

  it.each([
    [
      'a 序号 without a name',
      '310,,,哈尔滨工业大学,,',
      { model: null, company: '哈尔滨工业大学', seq: 310 },
      ['模型名称'],
    ],
    [
      'a filing number without a filer',
      ',北京市,一叶轻舟大语言模型,,Beijing-YiYeQingZhou-20240102,',
      { model: '一叶轻舟大语言模型', company: null, filingNumber: 'Beijing-YiYeQingZhou-20240102' },
      ['备案单位'],
    ],
    [
      'a filing number alone',
      ',,,,Beijing-ZhiHaiTuAI-20231016,',
      { model: null, company: null, filingNumber: 'Beijing-ZhiHaiTuAI-20231016', regionKey: expect.any(String) },
      ['模型名称', '备案单位'],
    ],
  ])('keeps %s, unknown fields null, one warning per missing field', (_what, line, fields, missing) => {
    const v = check(line);
    expect(v.errors).toEqual([]);
    expect(v.valid).toHaveLength(1);
    expect(v.valid[0]).toMatchObject(fields);
    expect(v.warnings.filter((w) => / unknown/.test(w.rule)).map((w) => w.column)).toEqual(missing);
  });

  it('skips a row that names nothing and identifies nothing, saying which fields and why', () => {
    const v = check(',北京市,,,,2024-01-01');
    expect(v.valid).toEqual([]);
    expect(v.errors.map((e) => `${e.column} ${e.rule}`)).toEqual([
      '模型名称 is empty, and the row has no 序号 or 备案编号 to identify the filing by',
      '备案单位 is empty, and the row has no 序号 or 备案编号 to identify the filing by',
    ]);
  });

  it('keeps two nameless registrations of one registrant apart by their 序号 (登记 353 and 354)', () => {
    const v = validateRows(
      parseCsvText(`${HEADER}353,,,上海市第一妇婴保健院,,\n354,,,上海市第一妇婴保健院,,`).rows,
      region,
      today,
    );
    expect(v.valid.map((r) => r.seq)).toEqual([353, 354]);
    expect(v.warnings.some((w) => /same model and company/.test(w.rule))).toBe(false);
  });
});

describe('RowValidator: one row at a time, bounded whatever the list', () => {
  const rows = (n: number, make: (i: number) => string) =>
    parseCsvText(HEADER + Array.from({ length: n }, (_, i) => make(i + 1)).join('\n')).rows;

  it('lists the first 1,000 problems of each kind and counts them all (regression: 100,000 bad rows made 500,000 problems)', () => {
    const validator = new RowValidator(region, today);
    // Each row: no 模型名称 and no 备案单位 and nothing to identify it by (two errors), and an impossible date (a third).
    for (const raw of rows(2_000, () => ',北京市,,,,2023-02-30')) expect(validator.check(raw)).toBeNull();
    expect(validator.errors).toHaveLength(MAX_PROBLEMS_LISTED);
    expect(validator.errorCount).toBe(6_000);
    expect(validator.skipped).toBe(2_000);
    expect(validator.errors[0]).toMatchObject({ row: 2, column: '模型名称' });
  });

  it('finds a repeat far apart, as validateRows does, and keeps its first row', () => {
    const list = rows(3_000, (i) => `${i},北京市,模型${i},北京公司${i}有限公司,Beijing-M${i}-20240101,2024-01-01`);
    const repeat = parseCsvText(`${HEADER}9999,北京市,模型7,北京公司7有限公司,Beijing-M7-20240101,2024-01-01`).rows[0];
    const validator = new RowValidator(region, today);
    const kept = [...list, repeat].map((r) => validator.check(r)).filter(Boolean);
    expect(kept).toHaveLength(3_000);
    expect(validator.errors).toEqual([
      expect.objectContaining({ column: '备案编号', rule: 'duplicates the filing number of row 8 in this file' }),
    ]);
    expect(validateRows([...list, repeat], region, today).valid).toHaveLength(3_000);
  });
});
