import neo4j from 'neo4j-driver';

/**
 * Converts driver values to plain JSON-able values, in one place: integers to numbers,
 * dates to ISO strings (YYYY-MM-DD), datetimes to ISO instants, nested maps and lists.
 * Scalars and plain maps (most of what a statement returns) are told apart first, by type
 * and prototype, before the driver's type tests: this runs on every value of every row.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = toPlain(value[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
    if (neo4j.isDate(value as never) || neo4j.isLocalDateTime(value as never)) return String(value);
    if (neo4j.isDateTime(value as never)) return new Date(String(value)).toISOString();
  }
  const out: Record<string, unknown> = {};
  for (const k in value as Record<string, unknown>) {
    if (Object.hasOwn(value, k)) out[k] = toPlain((value as Record<string, unknown>)[k]);
  }
  return out;
}

/** A driver record as a plain row (its keys, each value converted), without an intermediate object. */
export function plainRecord(record: {
  keys: readonly PropertyKey[];
  get(index: number): unknown;
}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keys = record.keys;
  for (let i = 0; i < keys.length; i++) out[keys[i] as string] = toPlain(record.get(i));
  return out;
}
