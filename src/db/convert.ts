import neo4j from 'neo4j-driver';

/**
 * Converts driver values to plain JSON-able values, in one place: integers to numbers,
 * dates to ISO strings (YYYY-MM-DD), datetimes to ISO instants, nested maps and lists.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    if (neo4j.isDate(value as never) || neo4j.isLocalDateTime(value as never)) return String(value);
    if (neo4j.isDateTime(value as never)) return new Date(String(value)).toISOString();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}
