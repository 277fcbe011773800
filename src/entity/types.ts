import type { EntityLabel, RelType } from '../graph/vocabulary';

export type Direction = 'ASC' | 'DESC';

/** How a type's lists are filtered and ordered; all Cypher pieces are fixed strings. */
export interface EntityType {
  label: EntityLabel;
  /** The where fragment file under cypher/. */
  whereFile: string;
  /** Order fields: Cypher sort expression over n for each direction (nulls always last). */
  orderFields: Record<string, { ASC: string; DESC: string }>;
  defaultOrder: string;
  /** Filter arguments: name and kind, validated at the boundary. */
  filters: Record<string, FilterKind>;
  /**
   * Where a list starts: the first filter present in this list picks its fragment (start
   * from the region, the company, ...), else `defaultAnchor`.
   */
  anchors?: [filter: string, file: string][];
  defaultAnchor?: string;
}

/**
 * The anchor for a filter set: its fragment file, the value it anchors on, and the other
 * filters, which the where fragment still checks (the anchored one needs no re-check).
 */
export function anchorFor(type: EntityType, where: Record<string, unknown>): { file: string; value: unknown; rest: Record<string, unknown> } {
  const hit = (type.anchors ?? []).find(([filter]) => where[filter] !== undefined);
  if (!hit) return { file: type.defaultAnchor ?? 'entity/anchor-label', value: null, rest: where };
  const { [hit[0]]: value, ...rest } = where;
  return { file: hit[1], value, rest };
}

export type FilterKind = 'text' | 'date' | 'boolean' | { enum: readonly string[] };

export interface Relation {
  type: RelType;
  direction: 'OUT' | 'IN';
  target: EntityType;
}

export const nameOrder = { ASC: 'n.name', DESC: 'n.name' };
export const keyOrder = { ASC: 'n.key', DESC: 'n.key' };

export function nullableOrder(expression: string): { ASC: string; DESC: string } {
  return { ASC: `coalesce(${expression}, '~')`, DESC: `coalesce(${expression}, '')` };
}
