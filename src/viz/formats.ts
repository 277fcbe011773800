import type { Feed, FeedNode } from './feed';

export type PlacedNode = FeedNode & { x: number; y: number };
/** A feed with its layout applied: what every export format draws from. */
export type PlacedFeed = Omit<Feed, 'nodes' | 'positions' | 'totalEdges'> & { nodes: PlacedNode[]; totalEdges: number };

/** The feed with positions and every total computed: what the export formats serialize. */
export async function placed(feed: Feed): Promise<PlacedFeed> {
  const at = await feed.positions();
  const { positions: _p, totalEdges, ...rest } = feed;
  return {
    ...rest,
    totalEdges: await totalEdges(),
    nodes: feed.nodes.map((n) => ({ ...n, ...(at.get(n.id) ?? { x: 0, y: 0 }) })),
  };
}

/**
 * The canonical feed renamed for each library (shapes from their documentation; see
 * docs/feeds.md). Each is a pure function, so an export is the same as the GraphQL feed.
 */
/** A node's drawn size: larger for more relationships (capped), the same in every format. */
const nodeSize = (n: PlacedNode) => 4 + Math.min(n.degree, 20);

/** A #rrggbb colour as Gephi's r, g and b attributes. */
const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

const data = (n: PlacedNode) => ({
  ...n.properties,
  type: n.type,
  category: n.category,
  categoryIndex: n.categoryIndex,
  degree: n.degree,
});

export const FORMATS = {
  canonical: (feed: PlacedFeed) => ({ ...feed, nodes: feed.nodes.map(({ entity: _e, ...n }) => n) }),

  cytoscape: (feed: PlacedFeed) => ({
    elements: {
      nodes: feed.nodes.map((n) => ({
        data: { ...data(n), id: n.id, label: n.caption },
        position: { x: n.x, y: n.y },
        classes: n.type,
      })),
      edges: feed.edges.map((e) => ({
        data: { ...e.properties, id: e.id, source: e.source, target: e.target, label: e.caption, type: e.type },
      })),
    },
  }),

  g6: (feed: PlacedFeed) => ({
    nodes: feed.nodes.map((n) => ({
      id: n.id,
      data: { ...data(n), label: n.caption },
      style: { x: n.x, y: n.y, labelText: n.caption },
    })),
    edges: feed.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      data: { ...e.properties, label: e.caption, type: e.type },
    })),
  }),

  echarts: (feed: PlacedFeed) => {
    const index = new Map(feed.nodes.map((n, i) => [n.id, i]));
    return {
      series: [
        {
          type: 'graph',
          layout: 'none',
          roam: true,
          label: { show: true },
          categories: feed.categories.map((c) => ({ name: c.name, itemStyle: { color: c.color } })),
          data: feed.nodes.map((n) => ({
            id: n.id,
            name: n.caption,
            category: n.categoryIndex,
            x: n.x,
            y: n.y,
            value: n.degree,
            symbolSize: 10 + Math.min(n.degree, 30),
          })),
          // ECharts types links[].value as a number (it weights the layout): the caption is the label.
          links: feed.edges.map((e) => ({
            source: index.get(e.source),
            target: index.get(e.target),
            value: 1,
            label: { show: false, formatter: e.caption },
            name: e.caption,
          })),
        },
      ],
    };
  },

  vis: (feed: PlacedFeed) => ({
    nodes: feed.nodes.map((n) => ({ id: n.id, label: n.caption, group: n.type, x: n.x, y: n.y, title: n.type })),
    edges: feed.edges.map((e) => ({ id: e.id, from: e.source, to: e.target, label: e.caption, arrows: 'to' })),
  }),

  nvl: (feed: PlacedFeed) => ({
    nodes: feed.nodes.map((n) => ({
      id: n.id,
      caption: n.caption,
      color: feed.categories[n.categoryIndex].color,
      x: n.x,
      y: n.y,
      properties: data(n),
    })),
    relationships: feed.edges.map((e) => ({
      id: e.id,
      from: e.source,
      to: e.target,
      caption: e.caption,
      type: e.type,
    })),
  }),

  graphology: (feed: PlacedFeed) => ({
    attributes: { truncated: feed.truncated, totalNodes: feed.totalNodes, totalEdges: feed.totalEdges },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes: feed.nodes.map((n) => ({
      key: n.id,
      attributes: {
        label: n.caption,
        x: n.x,
        y: n.y,
        size: nodeSize(n),
        color: feed.categories[n.categoryIndex].color,
        category: n.category,
        // The entity's properties, as in every other format (Sigma draws from the keys above only).
        properties: data(n),
      },
    })),
    edges: feed.edges.map((e) => ({
      key: e.id,
      source: e.source,
      target: e.target,
      attributes: { label: e.caption, relType: e.type, properties: e.properties },
    })),
  }),

  graphml: (feed: PlacedFeed) => graphml(feed),
} as const;
export type FormatName = keyof typeof FORMATS;

const xml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';

/** The GraphML type that holds every value a property takes (numbers widen, anything else is a string). */
function graphmlType(values: unknown[]): GraphmlType {
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v)))
    return values.every((v) => Math.abs(v as number) < 2 ** 31) ? 'int' : 'long';
  if (values.every((v) => typeof v === 'number')) return 'double';
  return 'string';
}

/** Typed <key>s for the properties of nodes or edges: ids p0, p1… (attr.name is the property's own name). */
function propertyKeys(items: { properties: Record<string, unknown> }[], scope: 'node' | 'edge', prefix: string) {
  const values = new Map<string, unknown[]>();
  for (const item of items)
    for (const [k, v] of Object.entries(item.properties))
      if (v !== null && v !== undefined) values.set(k, [...(values.get(k) ?? []), v]);
  return [...values.keys()].sort().map((name, i) => ({
    name,
    id: `${prefix}${i}`,
    type: graphmlType(values.get(name) ?? []),
    xml: `  <key id="${prefix}${i}" for="${scope}" attr.name="${xml(name)}" attr.type="${graphmlType(values.get(name) ?? [])}"/>`,
  }));
}

const graphmlValue = (v: unknown, type: GraphmlType) =>
  xml(type === 'string' ? (typeof v === 'string' ? v : JSON.stringify(v)) : String(v));

/**
 * GraphML for Gephi and yEd: typed keys for label, type, category and position, the keys
 * Gephi's importer draws from (size, and the colour as r, g, b), and one typed key per entity
 * and relationship property (lists as JSON text), so the tools show them all.
 */
function graphml(feed: PlacedFeed): string {
  const nodeKeys = propertyKeys(feed.nodes, 'node', 'np');
  const edgeKeys = propertyKeys(feed.edges, 'edge', 'ep');
  const data = (keys: typeof nodeKeys, properties: Record<string, unknown>) =>
    keys
      .filter((k) => properties[k.name] !== null && properties[k.name] !== undefined)
      .map((k) => `<data key="${k.id}">${graphmlValue(properties[k.name], k.type)}</data>`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="category" for="node" attr.name="category" attr.type="int"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="size" for="node" attr.name="size" attr.type="double"/>',
    '  <key id="r" for="node" attr.name="r" attr.type="int"/>',
    '  <key id="g" for="node" attr.name="g" attr.type="int"/>',
    '  <key id="b" for="node" attr.name="b" attr.type="int"/>',
    '  <key id="elabel" for="edge" attr.name="label" attr.type="string"/>',
    '  <key id="etype" for="edge" attr.name="type" attr.type="string"/>',
    ...nodeKeys.map((k) => k.xml),
    ...edgeKeys.map((k) => k.xml),
    '  <graph id="G" edgedefault="directed">',
  ];
  for (const n of feed.nodes) {
    const [r, g, b] = rgb(feed.categories[n.categoryIndex].color);
    lines.push(
      `    <node id="${xml(n.id)}"><data key="label">${xml(n.caption)}</data><data key="type">${n.type}</data>` +
        `<data key="category">${n.categoryIndex}</data><data key="x">${n.x}</data><data key="y">${n.y}</data>` +
        `<data key="size">${nodeSize(n)}</data><data key="r">${r}</data><data key="g">${g}</data><data key="b">${b}</data>` +
        `${data(nodeKeys, n.properties)}</node>`,
    );
  }
  for (const e of feed.edges) {
    lines.push(
      `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}"><data key="elabel">${xml(e.caption)}</data>` +
        `<data key="etype">${e.type}</data>${data(edgeKeys, e.properties)}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>');
  return lines.join('\n');
}
