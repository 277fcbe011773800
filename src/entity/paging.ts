import { badInput, intArgument } from '../errors';
import { type CursorPosition, decodeCursor } from '../graph/ids';
import { isValidIsoDate } from '../graph/values';
import type { Direction, EntityType } from './types';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  where?: Record<string, unknown> | null;
  orderBy?: { field: string; direction?: Direction | null } | null;
}

export interface PageRequest {
  limit: number;
  /** The keyset bound the page reads from: `after`, or `before` when paging backwards. */
  after: CursorPosition | null;
  /** Paging backwards (last/before): rows are read in reverse order from `before`, then turned round. */
  backward: boolean;
  where: Record<string, unknown>;
  /** The order field's name (NAME, ...) and its sort expression over n. */
  field: string;
  sort: string;
  /** The direction rows are read in: the order's own, or its reverse when paging backwards. */
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
  const backward = (args.last !== null && args.last !== undefined) || Boolean(args.before);
  if (backward && args.after)
    throw badInput('before', 'cannot be combined with "after": page forwards (first/after) or backwards (last/before)');
  const first = backward
    ? intArgument('last', args.last ?? args.first ?? DEFAULT_PAGE, 0, MAX_PAGE)
    : pageSize(args.first, DEFAULT_PAGE);
  const after = backward
    ? args.before
      ? decodeCursor(args.before, 'before')
      : null
    : args.after
      ? decodeCursor(args.after)
      : null;
  const field = args.orderBy?.field ?? type.defaultOrder;
  const order = type.orderFields[field];
  if (!order)
    throw badInput('orderBy.field', `must be one of ${Object.keys(type.orderFields).join(', ')}`, { value: field });
  const shown: Direction = args.orderBy?.direction ?? 'ASC';
  // Backwards, the same sort expression is read in the reverse direction from the cursor.
  const dir: Direction = backward ? (shown === 'ASC' ? 'DESC' : 'ASC') : shown;
  const where = validateWhere(type, args.where ?? {});
  return {
    limit: first,
    after,
    backward,
    where,
    field,
    sort: order[shown],
    dir,
    signature: JSON.stringify([first, after, backward, where, field, dir]),
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
