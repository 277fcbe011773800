import type { EntityRow, RelRow } from '../entity/rows';
import { toGlobalId } from '../graph/ids';
import { AUDIT_PROPERTIES, ENTITY_LABELS, LABEL_COLORS, REL_TYPES, type RelType } from '../graph/vocabulary';
import { displayName } from '../path/explain';

/** One category per entity label, in the vocabulary's order, so category indices are stable across calls. */
export const CATEGORIES = ENTITY_LABELS.map((name, index) => ({ name, index, color: LABEL_COLORS[name] }));

export interface FeedNode {
  id: string;
  type: string;
  category: string;
  categoryIndex: number;
  caption: string;
  properties: Record<string, unknown>;
  degree: number;
  distance: number | null;
  x: number;
  y: number;
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
  edges: FeedEdge[];
  categories: typeof CATEGORIES;
  truncated: boolean;
  totalNodes: number;
  totalEdges: number;
}

export interface FeedEdgeRow extends RelRow {
  __fromLabel: string;
  __from: string;
  __toLabel: string;
  __to: string;
}

/** Who changed a fact is for callers with credentials; anonymous readers get the fact without it. */

const plain = (row: Record<string, unknown>, audit: boolean) =>
  Object.fromEntries(
    Object.entries(row).filter(
      ([k, v]) => !k.startsWith('__') && k !== 'sourceKeys' && v !== null && (audit || !AUDIT_PROPERTIES.includes(k)),
    ),
  );

/** Edge ids name the relationship by its type and ends, so they are stable and never collide with node ids. */
export function edgeId(type: string, fromLabel: string, from: string, toLabel: string, to: string): string {
  return toGlobalId('Edge', `${type}|${fromLabel}:${from}|${toLabel}:${to}`);
}

/**
 * The canonical feed. Positions: rings by distance from the centre (or one ring for a
 * subgraph), angle by order, so the same query always yields the same picture.
 */
export function toFeed(
  rows: { nodes: EntityRow[]; edges: FeedEdgeRow[]; totalNodes: number; totalEdges: number },
  audit = false,
): Feed {
  const byRing = new Map<number, number>();
  const ringSizes = new Map<number, number>();
  for (const n of rows.nodes) {
    const ring = Number(n.__distance ?? 1);
    ringSizes.set(ring, (ringSizes.get(ring) ?? 0) + 1);
  }
  const nodes = rows.nodes.map((n) => {
    const ring = Number(n.__distance ?? 1);
    const i = byRing.get(ring) ?? 0;
    byRing.set(ring, i + 1);
    const angle = (2 * Math.PI * i) / (ringSizes.get(ring) ?? 1);
    const radius = ring * 200;
    const category = CATEGORIES.find((c) => c.name === n.__label) ?? CATEGORIES[0];
    return {
      id: toGlobalId(n.__label, n.key),
      type: n.__label,
      category: category.name,
      categoryIndex: category.index,
      caption: displayName(n),
      properties: plain(n, audit),
      degree: Number(n.__degree ?? 0),
      distance: n.__distance === undefined ? null : Number(n.__distance),
      x: Math.round(radius * Math.cos(angle) * 100) / 100,
      y: Math.round(radius * Math.sin(angle) * 100) / 100,
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
    truncated: rows.totalNodes > nodes.length || rows.totalEdges > edges.length,
    totalNodes: rows.totalNodes,
    totalEdges: rows.totalEdges,
  };
}
