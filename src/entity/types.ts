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
  indexedOrders?: Record<string, IndexedOrder>;
}

/** An order a scan reads from an index (entity/list.cypher). */
export interface IndexedOrder {
  equal: string[];
  property: string;
  /** The scan fragment reading that index in order (default: the type's scan). */
  scan?: string;
  /**
   * Nodes the index does not hold (the property unset), which the order puts last: `test`
   * tells them, `when` says whether the filter can let any through; they follow in key order.
   */
  unset?: { test: string; when: string };
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
 * fanout^2 <= limit * size, or when another filter joins the anchor.
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
    // Nothing nested is read with the page unless src/entity/prefetch.ts says so.
    nested: 'null',
  };
  if (order) {
    // An index leaves out the nodes without the property, which the tail adds last: read in
    // the other direction (paging backwards, `sort` keeps the shown order's placement of them)
    // they would come first, so that read sorts its candidates instead.
    const candidate = type.indexedOrders?.[order.field];
    const indexed =
      candidate && (!candidate.unset || type.orderFields[order.field]?.[order.dir] === order.sort)
        ? candidate
        : undefined;
    const dir = order.dir;
    slots.tail = 'false';
    slots.tailTest = 'false';
    if (indexed) {
      if (indexed.scan) slots.scan = indexed.scan;
      if (indexed.unset) {
        slots.tail = indexed.unset.when;
        slots.tailTest = indexed.unset.test;
      }
      // Another filter beside the anchor has a selectivity no store knows: the scan could read
      // the whole index for a few matches (1.1 s at 1000x), the anchor reads at most `fanout`.
      const others = Object.keys(where).some((f) => f !== hit?.filter);
      slots.anchored = others
        ? 'anchors IS NOT NULL'
        : 'anchors IS NOT NULL AND fanout * fanout <= toInteger($limit) * size';
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
