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
