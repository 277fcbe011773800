import { modelType } from '../../src/entity/kinds/model';
import { regionType } from '../../src/entity/kinds/region';
import { pageRequest } from '../../src/entity/paging';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return [(error as { code?: string }).code, (error as Error).message];
  }
  return ['none', ''];
};

describe('page requests', () => {
  it('defaults to 20 rows ordered by name', () => {
    const page = pageRequest(modelType, {});
    expect(page).toMatchObject({ limit: 20, after: null, dir: 'ASC', sort: 'n.name', where: {} });
  });

  it.each([
    [{ first: 101 }, 'first', 'from 0 to 100'],
    [{ first: -1 }, 'first', 'from 0 to 100'],
    [{ first: 2.5 }, 'first', 'integer'],
    [{ orderBy: { field: 'DROP' } }, 'orderBy.field', 'one of NAME, FILING_DATE, KEY'],
    [{ where: { filedFrom: '2024-13-01' } }, 'where.filedFrom', 'YYYY-MM-DD'],
    [{ where: { nameContains: '   ' } }, 'where.nameContains', 'non-empty'],
    [{ where: { bogus: 'x' } }, 'where.bogus', 'not a filter of Model'],
  ])('rejects %j naming %s', (args, argument, rule) => {
    const [code, message] = codeOf(() => pageRequest(modelType, args as never));
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toContain(`"${argument}"`);
    expect(message).toContain(rule);
  });

  it('checks enum filters against their values', () => {
    const [code, message] = codeOf(() => pageRequest(regionType, { where: { kind: 'PLANET' } }));
    expect(code).toBe('BAD_USER_INPUT');
    expect(message).toContain('PROVINCE');
  });

  it('keeps nulls last in both directions of a nullable order', () => {
    expect(pageRequest(modelType, { orderBy: { field: 'FILING_DATE', direction: 'ASC' } }).sort).toContain("'~'");
    expect(pageRequest(modelType, { orderBy: { field: 'FILING_DATE', direction: 'DESC' } }).sort).toContain("''");
  });
});

describe('where filters (each kind, each rule)', () => {
  const where = (type: typeof modelType, w: Record<string, unknown>) => pageRequest(type, { where: w }).where;

  it('trims text, keeps dates, booleans and enum values, and skips nulls', () => {
    expect(
      where(modelType, { nameContains: '  文心 ', filedFrom: '2024-02-29', hasFilingNumber: true, region: null }),
    ).toEqual({ nameContains: '文心', filedFrom: '2024-02-29', hasFilingNumber: true });
    expect(where(regionType, { kind: 'PROVINCE', cluster: undefined })).toEqual({ kind: 'PROVINCE' });
  });

  it.each([
    [{ nameContains: 'x'.repeat(201) }, 'where.nameContains', 'at most 200 characters'],
    [{ nameContains: 7 }, 'where.nameContains', 'non-empty string'],
    [{ filedFrom: 20240101 }, 'where.filedFrom', 'YYYY-MM-DD'],
    [{ filedTo: '2023-02-29' }, 'where.filedTo', 'YYYY-MM-DD'],
  ])('rejects %j naming %s', (w, argument, rule) => {
    const [code, message] = codeOf(() => pageRequest(modelType, { where: w } as never));
    expect([code, String(message).includes(`"${argument}"`), String(message).includes(rule)]).toEqual([
      'BAD_USER_INPUT',
      true,
      true,
    ]);
  });

  it('accepts exactly 200 characters of text', () => {
    expect(where(modelType, { nameContains: 'x'.repeat(200) }).nameContains).toHaveLength(200);
  });

  it('names the bad value of an enum, a date and an order field, and lists what is allowed', () => {
    const details = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return { message: (error as Error).message, details: (error as { details?: unknown }).details };
      }
      return null;
    };
    expect(details(() => pageRequest(regionType, { where: { kind: 7 } } as never))?.message).toContain(
      'one of COUNTRY, MUNICIPALITY, PROVINCE',
    );
    expect(JSON.stringify(details(() => pageRequest(regionType, { where: { kind: 'PLANET' } })))).toContain('PLANET');
    expect(JSON.stringify(details(() => pageRequest(modelType, { where: { filedFrom: '2024-1-1' } })))).toContain(
      '2024-1-1',
    );
    expect(JSON.stringify(details(() => pageRequest(modelType, { orderBy: { field: 'DROP' } } as never)))).toContain(
      'DROP',
    );
  });

  it('gives different requests different batching signatures, and equal ones equal', () => {
    const sig = (args: object) => pageRequest(modelType, args as never).signature;
    expect(sig({ first: 5 })).toBe(sig({ first: 5 }));
    expect(new Set([sig({ first: 5 }), sig({ first: 6 }), sig({ first: 5, where: { region: '北京' } })]).size).toBe(3);
    expect(sig({ first: 5, orderBy: { field: 'KEY' } })).not.toBe(sig({ first: 5 }));
    expect(sig({ first: 5, orderBy: { field: 'NAME', direction: 'DESC' } })).not.toBe(sig({ first: 5 }));
  });
});
