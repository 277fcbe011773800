import { badInput, intArgument } from '../errors';
import { type CursorPosition, decodeCursor } from '../graph/ids';
import { isValidIsoDate } from '../graph/values';
import type { Direction, EntityType } from './types';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  where?: Record<string, unknown> | null;
  orderBy?: { field: string; direction?: Direction | null } | null;
}

export interface PageRequest {
  limit: number;
  after: CursorPosition | null;
  where: Record<string, unknown>;
  /** The order field's name (NAME, ...) and its sort expression over n. */
  field: string;
  sort: string;
  dir: Direction;
  /** A stable string for batching identical requests. */
  signature: string;
}

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

/** `first` of every page in the API: 0 to MAX_PAGE (0 asks only for counts or page info). */
export function pageSize(first: number | null | undefined, fallback: number): number {
  return intArgument('first', first ?? fallback, 0, MAX_PAGE);
}

/** Validates page arguments at the boundary: every problem names the argument and the rule. */
export function pageRequest(type: EntityType, args: PageArgs): PageRequest {
  const first = pageSize(args.first, DEFAULT_PAGE);
  const after = args.after ? decodeCursor(args.after) : null;
  const field = args.orderBy?.field ?? type.defaultOrder;
  const order = type.orderFields[field];
  if (!order)
    throw badInput('orderBy.field', `must be one of ${Object.keys(type.orderFields).join(', ')}`, { value: field });
  const dir: Direction = args.orderBy?.direction ?? 'ASC';
  const where = validateWhere(type, args.where ?? {});
  return {
    limit: first,
    after,
    where,
    field,
    sort: order[dir],
    dir,
    signature: JSON.stringify([first, after, where, field, dir]),
  };
}

export function validateWhere(type: EntityType, where: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue;
    const kind = type.filters[name];
    const argument = `where.${name}`;
    if (!kind) throw badInput(argument, `is not a filter of ${type.label}`);
    if (kind === 'text') {
      if (typeof value !== 'string' || value.trim() === '') throw badInput(argument, 'must be a non-empty string');
      if (value.length > 200) throw badInput(argument, 'must be at most 200 characters');
      out[name] = value.trim();
    } else if (kind === 'date') {
      if (typeof value !== 'string' || !isValidIsoDate(value))
        throw badInput(argument, 'must be a date in the form YYYY-MM-DD', { value });
      out[name] = value;
    } else if (kind === 'boolean') {
      out[name] = Boolean(value);
    } else {
      if (typeof value !== 'string' || !kind.enum.includes(value))
        throw badInput(argument, `must be one of ${kind.enum.join(', ')}`, { value });
      out[name] = value;
    }
  }
  return out;
}
