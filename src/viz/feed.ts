import type { EntityRow, RelRow } from '../entity/rows';
import { toGlobalId } from '../graph/ids';
import { AUDIT_PROPERTIES, ENTITY_LABELS, LABEL_COLORS, REL_TYPES, type RelType } from '../graph/vocabulary';
import { displayName } from '../path/explain';
import { layoutOffThread } from './layout-pool';

/** One category per entity label, in the vocabulary's order, so category indices are stable across calls. */
export const CATEGORIES = ENTITY_LABELS.map((name, index) => ({ name, index, color: LABEL_COLORS[name] }));
const CATEGORY_OF = new Map<string, (typeof CATEGORIES)[number]>(CATEGORIES.map((c) => [c.name, c]));

export interface FeedNode {
  id: string;
  type: string;
  category: string;
  categoryIndex: number;
  caption: string;
  properties: Record<string, unknown>;
  degree: number;
  distance: number | null;
  entity: EntityRow;
}

export interface FeedEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  caption: string;
  properties: Record<string, unknown>;
}

export interface Feed {
  nodes: FeedNode[];
  /**
   * Layout positions by node id, computed on first call on the layout thread (ForceAtlas2
   * costs 50 ms to a second from 100 to 500 nodes, src/viz/layout-pool.ts): GraphQL computes
   * them only when a query selects x or y, and prices them (cost: x).
   */
  positions(): Promise<ReadonlyMap<string, { x: number; y: number }>>;
  edges: FeedEdge[];
  categories: typeof CATEGORIES;
  truncated: boolean;
  totalNodes: number;
  /** Counted when asked for (GraphQL calls it only when a query selects totalEdges). */
  totalEdges: () => Promise<number>;
}

export interface FeedEdgeRow extends RelRow {
  __fromLabel: string;
  __from: string;
  __toLabel: string;
  __to: string;
}

/** Who changed a fact is for callers with credentials; anonymous readers get the fact without it. */
/** Stored for the graph's own use, not facts: the sources (given apart) and the name keys lookups match. */
const BOOKKEEPING = new Set(['sourceKeys', 'nameKeys']);

const plain = (row: Record<string, unknown>, audit: boolean) =>
  Object.fromEntries(
    Object.entries(row).filter(
      ([k, v]) => !k.startsWith('__') && !BOOKKEEPING.has(k) && v !== null && (audit || !AUDIT_PROPERTIES.includes(k)),
    ),
  );

/** Edge ids name the relationship by its type and ends, so they are stable and never collide with node ids. */
export function edgeId(type: string, fromLabel: string, from: string, toLabel: string, to: string): string {
  return toGlobalId('Edge', `${type}|${fromLabel}:${from}|${toLabel}:${to}`);
}

/**
 * The canonical feed. Positions come from a force-directed layout with no overlapping labels
 * (src/viz/layout.ts), seeded deterministically, so the same query yields the same picture.
 */
export function toFeed(
  rows: {
    nodes: EntityRow[];
    edges: FeedEdgeRow[];
    totalNodes: number;
    totalEdges: number | (() => Promise<number>);
    /** True when a hub's members were sampled, so the nodes are not all there are. */
    sampled?: boolean;
  },
  audit = false,
): Feed {
  let positions: Promise<ReadonlyMap<string, { x: number; y: number }>> | null = null;
  const place = () => {
    positions ??= layoutOffThread(
      rows.nodes.map((n) => ({
        id: toGlobalId(n.__label, n.key),
        caption: displayName(n),
        ring: Number(n.__distance ?? 1),
      })),
      edges.map((e) => ({ source: e.source, target: e.target })),
    );
    return positions;
  };
  const nodes = rows.nodes.map((n) => {
    const id = toGlobalId(n.__label, n.key);
    const category = CATEGORY_OF.get(n.__label) ?? CATEGORIES[0];
    return {
      id,
      type: n.__label,
      category: category.name,
      categoryIndex: category.index,
      caption: displayName(n),
      properties: plain(n, audit),
      degree: Number(n.__degree ?? 0),
      distance: n.__distance === undefined ? null : Number(n.__distance),
      entity: n,
    };
  });
  const edges = rows.edges.map((r) => ({
    id: edgeId(r.__type, r.__fromLabel, r.__from, r.__toLabel, r.__to),
    source: toGlobalId(r.__fromLabel, r.__from),
    target: toGlobalId(r.__toLabel, r.__to),
    type: r.__type,
    caption: REL_TYPES[r.__type as RelType]?.zh ?? r.__type,
    properties: plain(r, audit),
  }));
  return {
    nodes,
    edges,
    categories: CATEGORIES,
    positions: place,
    truncated:
      rows.totalNodes > nodes.length ||
      Boolean(rows.sampled) ||
      (typeof rows.totalEdges === 'number' && rows.totalEdges > edges.length),
    totalNodes: rows.totalNodes,
    totalEdges: typeof rows.totalEdges === 'number' ? async () => rows.totalEdges as number : rows.totalEdges,
  };
}
