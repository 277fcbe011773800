import neo4j from 'neo4j-driver';
import { plainRecord, toPlain } from '../../src/db/convert';

describe('driver values to plain values', () => {
  it('turns integers into numbers, at any depth', () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain({ a: [neo4j.int(1), { b: neo4j.int(-7) }] })).toEqual({ a: [1, { b: -7 }] });
  });

  it('turns dates into YYYY-MM-DD, local datetimes into ISO text and datetimes into instants', () => {
    expect(toPlain(new neo4j.types.Date(2023, 8, 1))).toBe('2023-08-01');
    expect(toPlain(new neo4j.types.LocalDateTime(2023, 8, 1, 12, 30, 0, 0))).toBe('2023-08-01T12:30:00');
    expect(toPlain(new neo4j.types.DateTime(2023, 8, 1, 12, 30, 0, 0, 28_800))).toBe('2023-08-01T04:30:00.000Z');
  });

  it('keeps scalars, maps null and undefined to null, and copies maps without their prototype chain', () => {
    expect(toPlain('北京')).toBe('北京');
    expect(toPlain(1.5)).toBe(1.5);
    expect(toPlain(false)).toBe(false);
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(null)).toBeNull();
    const bare = Object.assign(Object.create(null), { k: neo4j.int(3) });
    expect(toPlain(bare)).toEqual({ k: 3 });
    const inherited = Object.assign(Object.create({ hidden: 1 }), { own: 2 });
    expect(toPlain(inherited)).toEqual({ own: 2 });
  });

  it('reads a record into a row by its keys', () => {
    const record = new neo4j.types.Record(
      ['name', 'count', 'filed'],
      ['智谱', neo4j.int(12), new neo4j.types.Date(2024, 1, 29)],
    );
    expect(plainRecord(record)).toEqual({ name: '智谱', count: 12, filed: '2024-01-29' });
  });
});
