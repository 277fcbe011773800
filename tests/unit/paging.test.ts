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
