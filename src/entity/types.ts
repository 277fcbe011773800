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
   * Filters a list can start from: the first one present picks its probe (the nodes `anchors`
   * the filter names, and `fanout`, how many candidates hang off them, from the degree
   * store) and the pattern from an anchor `a` to a candidate `n`, which also checks the filter.
   */
  anchors?: { filter: string; probe: string; pattern: string }[];
  /** How the label is read without an anchor (default: every node of the label). */
  scan?: string;
  /**
   * Order fields the scan reads in index order: the index's leading equality properties
   * and the sorted property. A page in that order stops after `first` matching nodes.
   */
  indexedOrders?: Record<string, { equal: string[]; property: string }>;
}

export interface ListPlan {
  slots: Record<string, string>;
  /** The value of the anchoring filter (null when none). */
  anchor: unknown;
  /** The other filters, which the where fragment checks. */
  rest: Record<string, unknown>;
}

/**
 * The statement slots for a list or count of `type` under `where`: which anchor it may
 * start from, how the label is scanned, and, for an order an index provides, the rule that
 * picks between the two inside the statement: the anchored plan reads `fanout` candidates,
 * the ordered scan about limit * size / fanout; start from the anchor when
 * fanout^2 <= limit * size.
 */
export function listPlan(
  type: EntityType,
  where: Record<string, unknown>,
  order?: { field: string; sort: string; dir: Direction; after: boolean },
): ListPlan {
  const hit = (type.anchors ?? []).find((a) => where[a.filter] !== undefined);
  const slots: Record<string, string> = {
    label: type.label,
    where: type.whereFile,
    probe: hit?.probe ?? 'entity/probe-none',
    // With no anchor, `anchors` is null: UNWIND yields nothing and the scan skips the check.
    anchorPattern: hit?.pattern ?? `(n:${type.label})--(a)`,
    scan: type.scan ?? 'entity/scan',
  };
  if (order) {
    const indexed = type.indexedOrders?.[order.field];
    const dir = order.dir;
    if (indexed) {
      slots.anchored = 'anchors IS NOT NULL AND fanout * fanout <= toInteger($limit) * size';
      slots.scanRange = order.after
        ? `${indexed.property} ${dir === 'ASC' ? '>=' : '<='} $after.sort`
        : `${indexed.property} IS NOT NULL`;
      slots.scanOrder = [...indexed.equal, indexed.property, 'n.key'].map((p) => `${p} ${dir}`).join(', ');
    } else {
      slots.anchored = 'anchors IS NOT NULL';
      slots.scanRange = 'true';
      slots.scanOrder = `${order.sort} ${dir}, n.key ${dir}`;
    }
  }
  if (!hit) return { slots, anchor: null, rest: where };
  const { [hit.filter]: anchor, ...rest } = where;
  return { slots, anchor, rest };
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
