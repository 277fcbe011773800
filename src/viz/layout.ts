import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';

/** Pixels per character of a caption at the default label size (10 px CJK glyphs are about square). */
export const LABEL_CHAR_PX = 10;
export const LABEL_HEIGHT_PX = 12;
/** Edge length the layout aims at, in pixels at zoom 1. */
const EDGE_PX = 120;

export interface LayoutNode {
  id: string;
  caption: string;
  /** Rings seed the layout: distance from a neighbourhood's centre (or one ring). */
  ring: number;
}

/** The circle that holds a node's label box (label centred on the node). */
export function labelRadius(caption: string): number {
  const halfWidth = (caption.length * LABEL_CHAR_PX) / 2;
  return Math.sqrt(halfWidth * halfWidth + (LABEL_HEIGHT_PX / 2) ** 2) + 2;
}

/**
 * Positions for a feed: seeded by rings (deterministic), laid out by ForceAtlas2 (graphology's,
 * synchronous and deterministic from a fixed seed, so the same feed gets the same picture),
 * scaled so edges are about 120 px, then spread by Noverlap until no two label boxes overlap
 * at the default label size.
 */
export function layout(nodes: readonly LayoutNode[], edges: readonly { source: string; target: string }[]) {
  const graph = new Graph({ type: 'undirected', multi: false });
  const rings = new Map<number, number>();
  for (const n of nodes) rings.set(n.ring, (rings.get(n.ring) ?? 0) + 1);
  const seen = new Map<number, number>();
  for (const n of nodes) {
    const i = seen.get(n.ring) ?? 0;
    seen.set(n.ring, i + 1);
    const angle = (2 * Math.PI * i) / (rings.get(n.ring) ?? 1);
    const radius = Math.max(n.ring, 0.5) * 100;
    graph.addNode(n.id, {
      x: radius * Math.cos(angle),
      y: radius * Math.sin(angle),
      size: labelRadius(n.caption),
      caption: n.caption,
    });
  }
  for (const e of edges)
    if (e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target))
      graph.mergeEdge(e.source, e.target);
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 200, gravity: 1 };
    forceAtlas2.assign(graph, { iterations: graph.order > 200 ? 60 : 150, settings });
    // Scale to pixels: the median edge becomes EDGE_PX long.
    const lengths = graph
      .mapEdges((_e, _a, _s, _t, sa, ta) => Math.hypot(sa.x - ta.x, sa.y - ta.y))
      .sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] || 1;
    const k = EDGE_PX / median;
    graph.updateEachNodeAttributes((_n, a) => ({ ...a, x: a.x * k, y: a.y * k }));
    noverlap.assign(graph, { maxIterations: 500, settings: { margin: 4, ratio: 1, expansion: 1.1 } });
    separateLabels(graph);
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return new Map(graph.mapNodes((id, a) => [id, { x: round(a.x), y: round(a.y) }] as const));
}

/**
 * Noverlap spreads circles and may stop a few pixels short; this settles what is left on the
 * label boxes themselves: each overlapping pair moves apart vertically (labels are wide and
 * short, so that is the shorter way), a few passes at most.
 */
function separateLabels(graph: Graph): void {
  const ids = graph.nodes();
  const width = (id: string) => String(graph.getNodeAttribute(id, 'caption') ?? '').length * LABEL_CHAR_PX;
  for (let pass = 0; pass < 20; pass++) {
    let moved = false;
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [graph.getNodeAttributes(ids[i]), graph.getNodeAttributes(ids[j])];
        const overlapX = (width(ids[i]) + width(ids[j])) / 2 - Math.abs(a.x - b.x);
        const overlapY = LABEL_HEIGHT_PX + 2 - Math.abs(a.y - b.y);
        if (overlapX <= 0 || overlapY <= 0) continue;
        const push = overlapY / 2 + 0.5;
        const up = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
        graph.setNodeAttribute(ids[i], 'y', a.y + up * push);
        graph.setNodeAttribute(ids[j], 'y', b.y - up * push);
        moved = true;
      }
    if (!moved) return;
  }
}

/** Pairs of edges that cross (sharing no end), for a picture's readability. */
export function crossings(
  positions: ReadonlyMap<string, { x: number; y: number }>,
  edges: readonly { source: string; target: string }[],
): number {
  const segs = edges.flatMap((e) => {
    const [a, b] = [positions.get(e.source), positions.get(e.target)];
    return a && b && e.source !== e.target ? [{ e, a, b }] : [];
  });
  const orient = (p: { x: number; y: number }, q: { x: number; y: number }, r: { x: number; y: number }) =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  let n = 0;
  for (let i = 0; i < segs.length; i++)
    for (let j = i + 1; j < segs.length; j++) {
      const [s, t] = [segs[i], segs[j]];
      if ([s.e.source, s.e.target].some((v) => v === t.e.source || v === t.e.target)) continue;
      if (orient(s.a, s.b, t.a) * orient(s.a, s.b, t.b) < 0 && orient(t.a, t.b, s.a) * orient(t.a, t.b, s.b) < 0) n++;
    }
  return n;
}

/** Pairs of nodes whose label boxes (default size, centred on the node) overlap. */
export function labelOverlaps(
  positions: ReadonlyMap<string, { x: number; y: number }>,
  captions: ReadonlyMap<string, string>,
): number {
  const boxes = [...positions].map(([id, p]) => {
    const w = (captions.get(id) ?? '').length * LABEL_CHAR_PX;
    return { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - LABEL_HEIGHT_PX / 2, y1: p.y + LABEL_HEIGHT_PX / 2 };
  });
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) n++;
    }
  return n;
}
