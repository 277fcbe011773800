import cytoscape from 'cytoscape';
import * as echarts from 'echarts';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import { crossings, labelOverlaps } from '../../src/viz/layout';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
let base: string;
let tencent: string;
beforeAll(async () => {
  api = await testApi();
  base = await api.listen();
  tencent = (await api.gql('{ companyByName(name: "腾讯") { id } }')).data.companyByName.id;
});
afterAll(() => api.close());

const FEED =
  'nodes { id entityId type category categoryIndex caption degree distance x y properties } edges { id source target sourceEntityId targetEntityId type caption properties } categories { name index color } truncated totalNodes totalEdges';
const get = async (path: string): Promise<{ status: number; type: string | null; body: any }> => {
  const res = await fetch(base + path);
  const text = await res.text();
  // Parsed here, not by res.json(): objects from fetch's realm fail the libraries' plain-object checks under Jest.
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
};

describe('neighbourhood and subgraph feeds', () => {
  it('returns one canonical graph with ids unique across nodes and edges, stable across calls', async () => {
    const q = `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 30) { ${FEED} } }`;
    const a = (await api.gql(q, { id: tencent })).data.neighborhood;
    const b = (await api.gql(q, { id: tencent })).data.neighborhood;
    expect(a).toEqual(b);
    const ids = [...a.nodes.map((n: any) => n.id), ...a.edges.map((e: any) => e.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const nodeIds = new Set(a.nodes.map((n: any) => n.id));
    for (const e of a.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    expect(a.nodes[0]).toMatchObject({ entityId: tencent, distance: 0, caption: '腾讯', type: 'Company' });
    for (const e of a.edges) {
      const [s, t] = [a.nodes.find((n: any) => n.id === e.source), a.nodes.find((n: any) => n.id === e.target)];
      expect([s.entityId, t.entityId]).toEqual([e.sourceEntityId, e.targetEntityId]);
    }
    for (const n of a.nodes) expect(a.categories[n.categoryIndex].name).toBe(n.type);
    expect(Math.max(...a.nodes.map((n: any) => n.distance))).toBe(2);
  });

  it('says when a limit cut the result, with the totals', async () => {
    const r = (
      await api.gql(`query($id: ID!) { neighborhood(id: $id, depth: 3, limit: 5) { ${FEED} } }`, { id: tencent })
    ).data.neighborhood;
    expect(r.nodes).toHaveLength(5);
    expect(r.truncated).toBe(true);
    expect(r.totalNodes).toBeGreaterThan(5);
  });

  it('lets a client expand a node and merge by entity id; node ids belong to their feed', async () => {
    const q = `query($id: ID!) { neighborhood(id: $id) { nodes { id entityId entity { id } } } }`;
    const first = (await api.gql(q, { id: tencent })).data.neighborhood;
    const next = first.nodes[1].entityId;
    const second = (await api.gql(q, { id: next })).data.neighborhood;
    expect(second.nodes.map((n: any) => n.entityId)).toEqual(expect.arrayContaining([tencent, next]));
    for (const n of [...first.nodes, ...second.nodes]) expect(n.entity.id).toBe(n.entityId);
    // The same entity in two feeds: two node ids, neither the entity's own.
    const inFirst = first.nodes.find((n: any) => n.entityId === tencent);
    const inSecond = second.nodes.find((n: any) => n.entityId === tencent);
    expect(new Set([inFirst.id, inSecond.id, tencent]).size).toBe(3);
  });

  it('lays feeds out readably: no overlapping labels at the default size, fewer crossings than rings', async () => {
    const ids = await api.gql('{ a: companyByName(name: "百度") { id } b: regionByName(name: "北京市") { id } }');
    const report: string[] = [];
    for (const [id, depth] of [
      [tencent, 2],
      [ids.data.a.id, 2],
      [ids.data.b.id, 1],
      [ids.data.b.id, 2],
    ] as const) {
      const f = (
        await api.gql(
          `query($id: ID!) { neighborhood(id: $id, depth: ${depth}, limit: 100) { nodes { entityId caption distance x y } edges { sourceEntityId targetEntityId } } }`,
          { id },
        )
      ).data.neighborhood;
      const place = new Map<string, { x: number; y: number }>(
        f.nodes.map((n: any) => [n.entityId, { x: n.x, y: n.y }]),
      );
      const captions = new Map<string, string>(f.nodes.map((n: any) => [n.entityId, n.caption]));
      const edges = f.edges.map((e: any) => ({ source: e.sourceEntityId, target: e.targetEntityId }));
      // The rings the feed used to serve (distance rings, angle by order), for comparison.
      const rings = new Map<string, { x: number; y: number }>();
      const sizes = new Map<number, number>();
      for (const n of f.nodes) sizes.set(n.distance, (sizes.get(n.distance) ?? 0) + 1);
      const seen = new Map<number, number>();
      for (const n of f.nodes) {
        const i = seen.get(n.distance) ?? 0;
        seen.set(n.distance, i + 1);
        const angle = (2 * Math.PI * i) / (sizes.get(n.distance) ?? 1);
        rings.set(n.entityId, { x: n.distance * 200 * Math.cos(angle), y: n.distance * 200 * Math.sin(angle) });
      }
      const [now, before] = [crossings(place, edges), crossings(rings, edges)];
      report.push(
        `${f.nodes.length} nodes, ${edges.length} edges: ${now} crossings (rings: ${before}), ${labelOverlaps(place, captions)} label overlaps`,
      );
      expect(labelOverlaps(place, captions)).toBe(0);
      expect(now).toBeLessThanOrEqual(before);
    }
    console.log(`feed layouts:\n${report.join('\n')}`);
  });

  it('builds a subgraph from ids, with the relationships among them', async () => {
    const n = (await api.gql(`query($id: ID!) { neighborhood(id: $id) { nodes { entityId } } }`, { id: tencent })).data
      .neighborhood.nodes;
    const r = (
      await api.gql(`query($ids: [ID!]!) { subgraph(ids: $ids) { ${FEED} } }`, { ids: n.map((x: any) => x.entityId) })
    ).data.subgraph;
    expect(r.nodes.length).toBe(n.length);
    expect(r.edges.length).toBeGreaterThan(0);
    expect(r.truncated).toBe(false);
  });

  it('refuses depth, limit and subgraph sizes beyond their bounds', async () => {
    for (const [args, argument] of [
      ['depth: 4', 'depth'],
      ['limit: 501', 'limit'],
    ]) {
      const r = await api.gql(`query($id: ID!) { neighborhood(id: $id, ${args}) { totalNodes } }`, { id: tencent });
      expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].message).toContain(`"${argument}"`);
    }
    const many = Array.from({ length: 201 }, () => tencent);
    expect(
      (await api.gql('query($ids: [ID!]!) { subgraph(ids: $ids) { totalNodes } }', { ids: many })).errors?.[0]
        .extensions.code,
    ).toBe('BAD_USER_INPUT');
  });
});

describe('exports for visualization libraries', () => {
  const path = (format: string) => `/graph/neighborhood/${tencent}?depth=2&limit=40&format=${format}`;

  it('Cytoscape.js loads the export unchanged', async () => {
    const { body } = await get(path('cytoscape'));
    const cy = cytoscape({ headless: true, elements: body.elements });
    expect(cy.nodes().length).toBe(body.elements.nodes.length);
    expect(cy.edges().length).toBe(body.elements.edges.length);
    expect(cy.getElementById(tencent).data('label')).toBe('腾讯');
    expect(cy.edges().length).toBeGreaterThan(0);
  });

  it('graphology imports the export (positions numeric, as Sigma.js needs)', async () => {
    const { body } = await get(path('graphology'));
    const graph = new Graph({ multi: true, type: 'directed' });
    graph.import(body);
    expect(graph.order).toBe(body.nodes.length);
    expect(graph.size).toBe(body.edges.length);
    graph.forEachNode((_k, attrs) => {
      expect(typeof attrs.x).toBe('number');
      expect(typeof attrs.y).toBe('number');
      // The entity's properties ride along (regression: the graphology feed carried none).
      expect(attrs.properties).toMatchObject({ type: expect.any(String), categoryIndex: expect.any(Number) });
    });
    graph.forEachEdge((_k, attrs) => expect(typeof attrs.properties).toBe('object'));
    const withName = body.nodes.find((n: any) => n.attributes.properties.name);
    expect(withName).toBeDefined();
  });

  it('ECharts renders the graph series server-side with every caption', async () => {
    const { body } = await get(path('echarts'));
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 600 });
    chart.setOption(body);
    const svg = chart.renderToSVGString();
    chart.dispose();
    expect(svg).toContain('<svg');
    expect(svg).toContain('腾讯');
    expect(body.series[0].links.every((l: any) => Number.isInteger(l.source) && Number.isInteger(l.target))).toBe(true);
    // ECharts types a link's value as a number (regression: it was the caption string).
    expect(body.series[0].links.every((l: any) => typeof l.value === 'number' && typeof l.name === 'string')).toBe(
      true,
    );
  });

  it('answers an id naming nothing with 404 NOT_FOUND, over HTTP and in GraphQL (regression: 200 with an empty graph)', async () => {
    const nobody = Buffer.from('Company:没有这家公司').toString('base64url');
    const http = await get(`/graph/neighborhood/${nobody}?format=cytoscape`);
    expect([http.status, http.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
    const r = await api.gql('query($id: ID!) { neighborhood(id: $id) { totalNodes } }', { id: nobody });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
  });

  it('GraphML parses with typed keys, every node and edge', async () => {
    const { body, type } = await get(path('graphml'));
    const canonical = (await get(path('canonical'))).body;
    expect(type).toContain('application/graphml+xml');
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => ['node', 'edge', 'key', 'data'].includes(name),
    }).parse(body);
    const graph = doc.graphml.graph;
    expect(graph['@_edgedefault']).toBe('directed');
    expect(graph.node).toHaveLength(canonical.nodes.length);
    expect(graph.edge).toHaveLength(canonical.edges.length);
    expect(doc.graphml.key.map((k: any) => k['@_id'])).toEqual(
      expect.arrayContaining(['label', 'type', 'x', 'y', 'size', 'r', 'g', 'b']),
    );
    // Gephi draws size and colour from these (regression: a GraphML without them came out grey and uniform).
    const colours = new Map<number, string>(canonical.categories.map((c: any) => [c.index, c.color]));
    canonical.nodes.forEach((n: any, i: number) => {
      const at = (key: string) => graph.node[i].data.find((d: any) => d['@_key'] === key)?.['#text'];
      const hex = colours.get(n.categoryIndex) as string;
      expect([at('r'), at('g'), at('b')].map(Number)).toEqual(
        [1, 3, 5].map((j) => Number.parseInt(hex.slice(j, j + 2), 16)),
      );
      expect(Number(at('size'))).toBeGreaterThanOrEqual(4);
    });
    // Every property of every entity and relationship, under a typed key (regression: they were dropped).
    const keys = new Map<string, any>(doc.graphml.key.map((k: any) => [k['@_id'], k]));
    canonical.nodes.forEach((n: any, i: number) => {
      const got = Object.fromEntries(
        graph.node[i].data
          .filter((d: any) => keys.get(d['@_key'])['@_attr.name'] in n.properties)
          .map((d: any) => [keys.get(d['@_key'])['@_attr.name'], d['#text']]),
      );
      expect(Object.keys(got).sort()).toEqual(Object.keys(n.properties).sort());
      for (const [name, value] of Object.entries(n.properties)) {
        const key = [...keys.values()].find((k) => k['@_for'] === 'node' && k['@_attr.name'] === name);
        const text = typeof value === 'string' ? value : JSON.stringify(value);
        if (key['@_attr.type'] === 'string') expect(String(got[name])).toBe(text);
        else expect(String(got[name])).toBe(String(value));
      }
    });
    const types = new Map([...keys.values()].map((k) => [`${k['@_for']}:${k['@_attr.name']}`, k['@_attr.type']]));
    expect(types.get('node:name')).toBe('string');
    expect([...types.values()].every((t) => ['boolean', 'int', 'long', 'double', 'string'].includes(t))).toBe(true);
  });

  it.each([
    [
      'g6',
      (b: any) => [b.nodes, b.edges],
      (n: any) => typeof n.id === 'string' && typeof n.style.x === 'number',
      (e: any) => e.source && e.target,
    ],
    [
      'vis',
      (b: any) => [b.nodes, b.edges],
      (n: any) => typeof n.id === 'string' && typeof n.group === 'string',
      (e: any) => e.from && e.to,
    ],
    [
      'nvl',
      (b: any) => [b.nodes, b.relationships],
      (n: any) => typeof n.id === 'string' && typeof n.caption === 'string',
      (e: any) => e.from && e.to,
    ],
  ])('%s export has the shape the library expects', async (format, parts, nodeOk, edgeOk) => {
    const { body } = await get(path(format));
    const [nodes, edges] = parts(body);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every(nodeOk)).toBe(true);
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every(edgeOk)).toBe(true);
    const ids = new Set(nodes.map((n: any) => n.id));
    expect(edges.every((e: any) => ids.has(e.source ?? e.from) && ids.has(e.target ?? e.to))).toBe(true);
  });

  it('answers bad parameters with 400 and a coded error', async () => {
    const bad = await get(`/graph/neighborhood/${tencent}?format=pdf`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await get('/graph/neighborhood/not-an-id')).status).toBe(400);
    expect((await get(`/graph/neighborhood/${tencent}?depth=abc`)).status).toBe(400);
  });
});
