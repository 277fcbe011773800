import { badInput } from '../errors';
import { ENTITY_LABELS, type EntityLabel } from './vocabulary';

/** Opaque global ids: base64url of "Type:key". */
export function toGlobalId(type: string, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

export function fromGlobalId(id: string, argument = 'id'): { type: string; key: string } {
  const text = /^[A-Za-z0-9_-]+$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : '';
  const colon = text.indexOf(':');
  if (colon < 1 || !/^[A-Za-z]+$/.test(text.slice(0, colon)) || colon === text.length - 1) {
    throw badInput(argument, 'must be an id returned by this API (an opaque base64url string)', { value: id });
  }
  return { type: text.slice(0, colon), key: text.slice(colon + 1) };
}

/** A global id that must name an entity (model, company, region, ...), not a claim or a source. */
export function fromEntityId(id: string, argument: string): { label: EntityLabel; key: string } {
  const { type, key } = fromGlobalId(id, argument);
  if (!(ENTITY_LABELS as readonly string[]).includes(type))
    throw badInput(argument, 'must be the id of an entity (model, company, region, ...)');
  return { label: type as EntityLabel, key };
}

export interface CursorPosition {
  sort: string;
  key: string;
}

/** Keyset cursors: the sort value and key of the last row seen, never an offset. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.key]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): CursorPosition {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { sort: value[0], key: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw badInput(argument, 'must be a cursor returned by this API (pageInfo.endCursor or an edge cursor)', {
    value: cursor,
  });
}
