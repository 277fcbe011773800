import { type TestApi, testApi } from '../support/api';
import { call } from '../support/http';

/** The graph as of a date (asOf on traversals, feeds and statistics) and what changed between two dates. */
let api: TestApi;
const ids: Record<string, string> = {};
beforeAll(async () => {
  api = await testApi();
  const r = await api.gql(`{ baidu: companyByName(name: "百度") { id } measures: policyByName(name: "暂行办法") { id }
    aiPlus: policyByName(name: "人工智能+") { id } beijing: regionByName(name: "北京市") { id } }`);
  for (const [k, v] of Object.entries(r.data)) ids[k] = (v as { id: string }).id;
});
afterAll(() => api.close());

const names = (nodes: { caption?: string; name?: string; target?: { name: string } }[]) =>
  nodes.map((n) => n.target?.name ?? n.name ?? n.caption);

describe('asOf on traversals and feeds', () => {
  it('a neighbourhood holds only what was filed by then, and nothing before its centre existed', async () => {
    const q = `query($c: ID!, $d: Date) { neighborhood(id: $c, depth: 2, asOf: $d) { nodes { caption } totalNodes } }`;
    const before = await api.gql(q, { c: ids.baidu, d: '2023-08-30' });
    const after = await api.gql(q, { c: ids.baidu, d: '2023-08-31' });
    // 百度 first filed on 2023-08-31: the day before, it is not in the graph as the world was then.
    expect(before.errors).toBeUndefined();
    expect(before.data.neighborhood).toEqual({ nodes: [], totalNodes: 0 });
    expect(names(after.data.neighborhood.nodes)).toEqual(expect.arrayContaining(['百度', '文心一言']));
    // Without asOf, everything; the undated 百度蒸汽机 is there whenever 百度 is.
    const all = await api.gql(q, { c: ids.baidu, d: null });
    expect(names(all.data.neighborhood.nodes)).toEqual(expect.arrayContaining(['文心一言', '百度蒸汽机']));
    expect(names(after.data.neighborhood.nodes)).toContain('百度蒸汽机');
    // A policy before its issue, likewise; an id that names nothing is still NOT_FOUND.
    const measures = await api.gql(q, { c: ids.measures, d: '2023-06-30' });
    expect(measures.data.neighborhood.totalNodes).toBe(0);
    const none = await api.gql(q, { c: Buffer.from('Company:没有').toString('base64url'), d: '2023-06-30' });
    expect(none.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('a path from something that did not exist yet is null', async () => {
    const path = `query($a: ID!, $b: ID!, $d: Date) { shortestPath(from: $a, to: $b, asOf: $d) { length } }`;
    expect((await api.gql(path, { a: ids.baidu, b: ids.beijing, d: '2023-08-30' })).data.shortestPath).toBeNull();
    expect((await api.gql(path, { a: ids.baidu, b: ids.beijing, d: '2023-08-31' })).data.shortestPath).not.toBeNull();
  });

  it('company policies hold only policies issued by then', async () => {
    const q = `query($c: ID!, $d: Date) { companyPolicies(company: $c, asOf: $d) { target { name } } }`;
    const early = names((await api.gql(q, { c: ids.baidu, d: '2023-12-31' })).data.companyPolicies);
    const later = names((await api.gql(q, { c: ids.baidu, d: '2024-03-01' })).data.companyPolicies);
    expect(early).toContain('《生成式人工智能服务管理暂行办法》');
    expect(early).not.toContain('“人工智能+”行动');
    expect(later).toContain('“人工智能+”行动');
    expect(later).not.toContain('数据安全法配套细则'); // issued 2025-01
  });

  it('a path to a policy not yet issued is null; a company counts from its first filing', async () => {
    const path = `query($a: ID!, $b: ID!, $d: Date) { shortestPath(from: $a, to: $b, asOf: $d) { length } }`;
    expect((await api.gql(path, { a: ids.baidu, b: ids.aiPlus, d: '2024-02-29' })).data.shortestPath).toBeNull();
    expect((await api.gql(path, { a: ids.baidu, b: ids.aiPlus, d: '2024-03-01' })).data.shortestPath).not.toBeNull();
    // Companies based in Beijing as of the first batch against today: the later ones are missing.
    const q = `query($r: ID!, $d: Date) { links(from: $r, targetType: COMPANY, maxHops: 1, first: 100, asOf: $d) { target { name } } }`;
    const first = names((await api.gql(q, { r: ids.beijing, d: '2023-08-31' })).data.links);
    const now = names((await api.gql(q, { r: ids.beijing, d: null })).data.links);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(now.length);
    expect(now).toEqual(expect.arrayContaining(first));
  });

  it('the HTTP feeds take asOf, and refuse a bad one naming it', async () => {
    const base = await api.listen();
    const ok = await call(`${base}/graph/neighborhood/${ids.baidu}?asOf=2023-08-30`);
    expect(ok.status).toBe(200);
    expect(JSON.stringify(ok.body)).not.toContain('文心一言');
    const bad = await call(`${base}/graph/neighborhood/${ids.baidu}?asOf=2023-02-30`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].message).toContain('"asOf"');
  });

  it('the announced timeline stops at asOf: a figure only once its period is over and its source out', async () => {
    const all = (await api.gql('{ filingTimeline { asOf period quote source { asOf } } }')).data.filingTimeline;
    const early = (await api.gql('{ filingTimeline(asOf: "2025-01-01") { asOf period quote source { asOf } } }')).data
      .filingTimeline;
    expect(early.length).toBeGreaterThan(0);
    expect(early.length).toBeLessThan(all.length);
    // The last day a figure speaks for: its date, else its period's (a range ends with its last part).
    const end = (c: { asOf: string | null; period: string | null }) => {
      if (c.asOf) return c.asOf;
      const last = (c.period ?? '').split('/').at(-1) as string;
      return /^\d{4}$/.test(last) ? `${last}-12-31` : `${last}-31`;
    };
    for (const c of early) {
      expect([c.quote, end(c) <= '2025-01-01']).toEqual([c.quote, true]);
      expect([c.quote, (c.source.asOf ?? '') <= '2025-01-01']).toEqual([c.quote, true]);
    }
    // The batch figure for 2024-11 to 2026-04 and the report's (2025-03) "超200" for 2024 are not yet known.
    expect(early.map((c: { quote: string }) => c.quote).join()).not.toMatch(/附件3–11|超200/);
    expect(all.map((c: { quote: string }) => c.quote).join()).toMatch(/附件3–11/);
  });
});

describe('changes(from, to)', () => {
  const Q = `query($f: Date!, $t: Date!) { changes(from: $f, to: $t, first: 100) { from to filingCount filings { name filingDate }
    companyCount companies { name } policyCount policies { name } byRegion { label count } byIndustry { label count } } }`;

  it('counts what was filed, first filed and issued in the window, against the graph read directly', async () => {
    const r = await api.gql(Q, { f: '2023-12-31', t: '2024-12-31' });
    expect(r.errors).toBeUndefined();
    const c = r.data.changes;
    const [truth] = await api.db.read<{ filings: number; regions: number }>({
      file: 'test/changes-truth',
      text: `MATCH (m:Model) WHERE m.filingDate > '2023-12-31' AND m.filingDate <= '2024-12-31'
             RETURN count(m) AS filings, COUNT { MATCH (x:Model)-[:FILED_IN]->(:Region) WHERE x.filingDate > '2023-12-31' AND x.filingDate <= '2024-12-31' } AS regions`,
    });
    expect(c.filingCount).toBe(truth.filings);
    expect(c.filings).toHaveLength(Math.min(100, truth.filings));
    for (const m of c.filings) expect(m.filingDate > '2023-12-31' && m.filingDate <= '2024-12-31').toBe(true);
    expect(c.byRegion.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(truth.regions);
    const counts = c.byRegion.map((x: { count: number }) => x.count);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect(names(c.policies)).toEqual(['“人工智能+”行动']);
    expect(c.companyCount).toBeGreaterThan(0);
    expect(c.companyCount).toBeLessThanOrEqual(c.filingCount);
  });

  it('an empty window is empty, and a reversed one is refused naming "to"', async () => {
    const empty = (await api.gql(Q, { f: '2023-01-01', t: '2023-01-02' })).data.changes;
    expect([empty.filingCount, empty.companyCount, empty.policyCount, empty.byRegion]).toEqual([0, 0, 0, []]);
    const bad = await api.gql(Q, { f: '2024-12-31', t: '2024-01-01' });
    expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toContain('"to"');
  });
});
