import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { EDITOR, type TestApi, testApi } from '../support/api';
import { call, post } from '../support/http';
import { freePort, runTs } from '../support/processes';
import { resetData } from '../support/reset';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const KEY = 'reader-key-attack';
const EDITOR_KEY = 'editor-key-attack';
const KEYS = `rita:reader:${sha(KEY)},eddie:editor:${sha(EDITOR_KEY)}`;

const opened: TestApi[] = [];
async function open(env: Record<string, string> = {}) {
  const api = await testApi(env);
  opened.push(api);
  return { api, base: await api.listen() };
}
afterAll(async () => {
  await resetData(opened[0].db);
  for (const api of opened) await api.close();
});

/** Fragments that each spread the next twice: 2^levels expansions in 1 KB. */
const fanOut = (levels: number) =>
  `query { ...F0 } ${Array.from({ length: levels }, (_, i) => (i === levels - 1 ? `fragment F${i} on Query { models(first: 1) { totalCount } }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)).join(' ')}`;

describe('shape and cost analysis (regression: fragment fan-out blocked the event loop for seconds)', () => {
  it('prices a fan-out document in time linear in its size and refuses it', async () => {
    const { base } = await open();
    const started = Date.now();
    const r = await post(base, { query: fanOut(26) });
    expect(r.body.errors[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
    expect(r.body.errors[0].extensions.cost.requested).toBe(2 ** 25);
    // A bound, not a benchmark: the exponential walk took 4-6 s at 21-23 levels.
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses a document that is not trusted before parsing or pricing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trusted-'));
    const file = join(dir, 'ops.json');
    writeFileSync(
      file,
      JSON.stringify({ operations: [{ name: 'T', sha256: sha('query T { models(first: 1) { totalCount } }') }] }),
    );
    const { base } = await open({ TRUSTED_OPERATIONS_FILE: file });
    for (const query of [fanOut(26), '{ models(', '{ nope }']) {
      const r = await post(base, { query });
      expect([r.status, r.body.errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
      expect(r.body.extensions?.cost).toBeUndefined();
    }
  });
});

describe('one request policy for every route (regression: READS_PUBLIC=false left /graph/* and /metrics open)', () => {
  it('asks for credentials on GraphQL, the feeds and /metrics, and serves them to a reader', async () => {
    const { api, base } = await open({ READS_PUBLIC: 'false', API_KEYS: KEYS });
    const [company] = await api.db.read({
      file: 'test',
      text: "MATCH (c:Company {key: '北京百度网讯科技有限公司'}) RETURN c.key AS key",
    });
    const id = Buffer.from(`Company:${company.key}`).toString('base64url');
    const routes = [
      `/graph/neighborhood/${id}?format=cytoscape`,
      `/graph/subgraph?ids=${id}&format=graphml`,
      '/metrics',
    ];
    for (const route of routes) {
      const anonymous = await call(`${base}${route}`);
      expect([route, anonymous.status, anonymous.body.errors?.[0].extensions.code]).toEqual([
        route,
        401,
        'UNAUTHENTICATED',
      ]);
      const reader = await call(`${base}${route}`, { headers: { 'x-api-key': KEY } });
      expect([route, reader.status]).toEqual([route, 200]);
    }
    expect((await post(base, { query: '{ models(first: 1) { totalCount } }' })).status).toBe(401);
  });

  it('keeps /metrics private in production unless METRICS_PUBLIC=true', async () => {
    const { base } = await open({ NODE_ENV: 'production', LOG_LEVEL: 'silent', API_KEYS: KEYS });
    expect((await call(`${base}/metrics`)).status).toBe(401);
    expect((await call(`${base}/metrics`, { headers: { 'x-api-key': KEY } })).status).toBe(200);
    const open_ = await open({ NODE_ENV: 'production', LOG_LEVEL: 'silent', METRICS_PUBLIC: 'true' });
    expect((await call(`${open_.base}/metrics`)).status).toBe(200);
  });
});

describe('fair use of Neo4j (regression: one request held all 64 connections)', () => {
  it('runs at most STATEMENTS_PER_REQUEST statements of one request at once', async () => {
    const { api } = await open({ STATEMENTS_PER_REQUEST: '3' });
    const aliases = Array.from({ length: 20 }, (_, i) => `s${i}: search(text: "模型${i}") { score }`).join(' ');
    const context = api.app.context(null);
    const r = await api.app.apollo.executeOperation({ query: `{ ${aliases} }` }, { contextValue: context });
    expect((r.body as any).singleResult.errors).toBeUndefined();
    expect(context.meter.roundTrips).toBe(20);
    expect(context.meter.peakInFlight).toBeLessThanOrEqual(3);
    expect(context.meter.peakInFlight).toBeGreaterThan(1);
  });

  it('answers overload with SERVICE_UNAVAILABLE and Retry-After after QUEUE_WAIT_MS, not a long wait', async () => {
    const { api, base } = await open({ NEO4J_MAX_CONNECTIONS: '1', QUEUE_WAIT_MS: '200' });
    // Another caller holds the only connection for a while.
    const hog = api.db.read(
      { file: 'test/slow', text: 'UNWIND range(1, 30000000) AS x RETURN sum(x) AS s' },
      {},
      { timeoutMs: 60_000 },
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const r = await post(base, { query: '{ search(text: "百度") { score } }' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(r.body.errors[0].message).toMatch(/busy.*retry/);
    expect(r.headers.get('retry-after')).toBe('1');
    await hog;
    expect((await post(base, { query: '{ search(text: "百度") { score } }' })).body.errors).toBeUndefined();
  });
});

describe('a statement without its own timeout gets QUERY_TIMEOUT_MS (regression: only loaders did)', () => {
  it('stops a slow statement at the configured limit', async () => {
    const { api } = await open({ QUERY_TIMEOUT_MS: '300' });
    const started = Date.now();
    await expect(
      api.db.read({ file: 'test/slow', text: 'UNWIND range(1, 400000000) AS x RETURN sum(x) AS s' }),
    ).rejects.toMatchObject({ code: 'QUERY_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe('metric labels are bounded (regression: /metrics grew to 10 MB with client-chosen operation names)', () => {
  const labels = async (base: string) =>
    new Set(
      [
        ...String((await call(`${base}/metrics`, { headers: { 'x-api-key': KEY } })).body).matchAll(
          /graphql_operation_duration_seconds_count\{operation="([^"]*)"/g,
        ),
      ].map((m) => m[1]),
    );

  it("anonymous names never take a label; the playground's and known callers' do, at most 100", async () => {
    const { base } = await open({ API_KEYS: KEYS });
    // Junk names sent first (regression: the first 100 names kept their labels forever).
    for (let i = 0; i < 160; i++) await post(base, { query: `query Op${i} { __typename }`, operationName: `Op${i}` });
    await post(base, { query: 'query Évil { __typename }' });
    await post(base, { query: 'query CompanyModels { __typename }' });
    const key = { 'x-api-key': KEY };
    for (let i = 0; i < 120; i++)
      await post(base, { query: `query Dash${i} { __typename }`, operationName: `Dash${i}` }, key);
    const names = await labels(base);
    expect([...names].filter((n) => n.startsWith('Op'))).toEqual([]);
    expect(names.has('CompanyModels')).toBe(true);
    expect(names.has('Dash0')).toBe(true);
    expect(names.has('Dash119')).toBe(false);
    expect(names.has('other')).toBe(true);
    expect(names.size).toBeLessThanOrEqual(103);
  });
});

describe('layouts run off the request thread, priced (regression: x/y and /graph/* stalled every request)', () => {
  it('answers a lookup while layouts of 200 nodes are under way, and prices positions', async () => {
    const { api, base } = await open();
    const ids = (await api.gql('{ companies(first: 100) { nodes { id } } models(first: 100) { nodes { id } } }')).data;
    const all = [...ids.companies.nodes, ...ids.models.nodes].map((n: { id: string }) => n.id);
    const layouts = Array.from({ length: 4 }, () =>
      call(`${base}/graph/subgraph?ids=${all.map(encodeURIComponent).join(',')}&types=DEVELOPS&format=canonical`),
    );
    // Which finishes first depends on the machine; that the thread stays free while a layout runs
    // is checked where it is deterministic (tests/unit/layout-pool.test.ts counts its turns).
    const lookup = post(base, { query: '{ companyByName(name: "百度") { name } }' });
    for (const r of await Promise.all(layouts)) {
      expect(r.status).toBe(200);
      expect(r.body.nodes).toHaveLength(all.length);
      expect(r.body.nodes.every((n: { x: unknown; y: unknown }) => Number.isFinite(n.x) && Number.isFinite(n.y))).toBe(
        true,
      );
    }
    expect((await lookup).body.data.companyByName.name).toBe('北京百度网讯科技有限公司');
    // Positions are priced per node; without x and y the same feed costs less.
    const q = (fields: string) => `{ neighborhood(id: "${all[0]}", limit: 100) { nodes { ${fields} } } }`;
    const withXY = (await post(base, { query: q('caption x y') })).body.extensions.cost.requested;
    const without = (await post(base, { query: q('caption') })).body.extensions.cost.requested;
    expect(withXY - without).toBe(100 * 10);
  });

  it('refuses an HTTP feed over the cost budget, as /graphql would', async () => {
    const { base } = await open({ COST_BUDGET: '2000' });
    const r = await call(
      `${base}/graph/neighborhood/${encodeURIComponent(Buffer.from('Region:110000').toString('base64url'))}?depth=3&limit=500`,
    );
    expect([r.status, r.body.errors[0].extensions.code]).toEqual([400, 'COST_LIMIT_EXCEEDED']);
    expect(r.body.errors[0].message).toMatch(/budget is 2000/);
  });
});

describe('one error code from resolver to response to log to metric (regression: BAD_USER_INPUT counted as INTERNAL_SERVER_ERROR)', () => {
  it("counts a resolver's refusal under its own code, never as an internal error", async () => {
    const { base } = await open({ API_KEYS: KEYS });
    const metric = async (code: string) =>
      Number(
        new RegExp(`^graphql_errors_total\\{code="${code}"\\} (\\d+)`, 'm').exec(
          String((await call(`${base}/metrics`, { headers: { 'x-api-key': KEY } })).body),
        )?.[1] ?? 0,
      );
    const internal = await metric('INTERNAL_SERVER_ERROR');
    const r = await post(base, { query: '{ models(first: 1, after: "not-a-cursor") { totalCount } }' });
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await post(base, { query: '{ companyPolicies(company: "没有这家公司") { rule } }' });
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await metric('BAD_USER_INPUT')).toBeGreaterThanOrEqual(1);
    expect(await metric('NOT_FOUND')).toBeGreaterThanOrEqual(1);
    expect(await metric('INTERNAL_SERVER_ERROR')).toBe(internal);
  });
});

describe('parsed documents are held within a bound (regression: 8,000 operation names grew the server by 130 MB)', () => {
  it('keeps no more documents than DOCUMENT_CACHE_CHARS of source holds, and still answers each', async () => {
    const { base } = await open({ DOCUMENT_CACHE_CHARS: '4096' });
    const sent = 400;
    for (let i = 0; i < sent; i++) {
      const r = await post(base, {
        query: `query Op${i} { models(first: 1) { totalCount } }`,
        operationName: `Op${i}`,
      });
      expect(r.body.errors).toBeUndefined();
    }
    const metrics = String((await call(`${base}/metrics`)).body);
    const held = Number(/^graphql_document_cache_entries (\d+)/m.exec(metrics)?.[1]);
    // Each document is about 50 characters of source, so 4,096 characters hold about 80 of them.
    expect(held).toBeGreaterThan(10);
    expect(held).toBeLessThanOrEqual(Math.ceil(4096 / 45));
  });

  it('refuses a document cache bound outside its range, naming the setting', async () => {
    await expect(testApi({ DOCUMENT_CACHE_CHARS: '10' })).rejects.toThrow(/DOCUMENT_CACHE_CHARS/);
  });
});

describe('errors that say nothing they should not', () => {
  it('drops "Did you mean" schema suggestions in production, keeps them in development', async () => {
    const prod = await open({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
    const r = await post(prod.base, { query: '{ modle { id } }' });
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors[0].message).not.toMatch(/Did you mean/);
    const dev = await open();
    expect((await post(dev.base, { query: '{ modle { id } }' })).body.errors[0].message).toMatch(/Did you mean/);
  });

  it('answers a document nested past the parser’s stack as a bad request, not a runtime message', async () => {
    const { base } = await open({ NODE_ENV: 'production', LOG_LEVEL: 'silent', BODY_LIMIT: '2mb' });
    const deep = `{ models(where: { nameContains: ${'['.repeat(20000)}"x"${']'.repeat(20000)} }) { totalCount } }`;
    const r = await post(base, { query: deep });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toMatch(/call stack/i);
  });

  it('answers an APQ hash that does not match its query with BAD_REQUEST', async () => {
    const { base } = await open({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
    const r = await post(base, {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: sha('something else') } },
    });
    expect([r.status, r.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
  });
});

describe('hostile keys and names', () => {
  it('refuses format=__proto__ and toString on the feeds as bad input', async () => {
    const { base } = await open();
    const id = Buffer.from('Company:北京百度网讯科技有限公司').toString('base64url');
    for (const format of ['__proto__', 'toString', 'constructor', 'hasOwnProperty']) {
      const r = await call(`${base}/graph/neighborhood/${id}?format=${format}`);
      expect([format, r.status, r.body.errors?.[0].extensions.code]).toEqual([format, 400, 'BAD_USER_INPUT']);
    }
    const types = await call(`${base}/graph/neighborhood/${id}?types=toString`);
    expect(types.status).toBe(400);
  });

  it('refuses property names that are Object.prototype members', async () => {
    const { api } = await open();
    const [row] = await api.db.read({ file: 'test', text: 'MATCH (p:Policy) RETURN p.key AS key LIMIT 1' });
    const id = Buffer.from(`Policy:${row.key}`).toString('base64url');
    for (const name of ['__proto__', 'constructor', 'toString']) {
      const r = await api.gql(
        'mutation($id: ID!, $p: JSON) { updateEntity(id: $id, patch: { properties: $p }, source: "t") { id } }',
        { id, p: { [name]: 'x' } },
        EDITOR,
      );
      expect([name, r.errors?.[0].extensions.code]).toEqual([name, 'BAD_USER_INPUT']);
    }
  });

  it.each([
    ['a bidi override', '百度\u202E公司'],
    ['a zero-width space', '百\u200B度'],
    ['U+FFFE', '百度\uFFFE'],
    ['U+FFFF', '百度\uFFFF'],
    ['a lone surrogate', '百度\uD800'],
  ])('refuses a name with %s', async (_what, name) => {
    const { api } = await open();
    const r = await api.gql(
      'mutation($n: String!) { createEntity(type: COMPANY, input: { name: $n }, source: "t") { id } }',
      { n: name },
      EDITOR,
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.name' });
    const [found] = await api.db.read(
      { file: 'test', text: 'MATCH (c:Company) WHERE c.name CONTAINS $s RETURN count(c) AS n' },
      { s: '百' },
    );
    expect(Number(found.n)).toBeGreaterThan(0);
  });

  it('shows who changed a fact to callers with credentials only', async () => {
    const { api, base } = await open({ API_KEYS: KEYS });
    const created = await post(
      base,
      { query: 'mutation { createEntity(type: INDUSTRY, input: { name: "审计测试行业" }, source: "t") { id } }' },
      { 'x-api-key': EDITOR_KEY },
    );
    const id = created.body.data.createEntity.id;
    const anonymous = await call(`${base}/graph/subgraph?ids=${id}`);
    expect(anonymous.body.nodes[0].properties.changedBy).toBeUndefined();
    const reader = await call(`${base}/graph/subgraph?ids=${id}`, { headers: { 'x-api-key': KEY } });
    expect(reader.body.nodes[0].properties.changedBy).toBe('eddie');
    const q = 'query($id: ID!) { subgraph(ids: [$id]) { nodes { properties } } }';
    expect((await api.gql(q, { id })).data.subgraph.nodes[0].properties.changedBy).toBeUndefined();
    expect((await api.gql(q, { id }, EDITOR)).data.subgraph.nodes[0].properties.changedBy).toBe('eddie');
  });
});

describe('tokens', () => {
  const SECRET = 'a-test-secret-of-enough-length-123456';
  it('refuses a JWT without exp', async () => {
    const { base } = await open({ JWT_SECRET: SECRET });
    const forever = await new SignJWT({ role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode(SECRET));
    const r = await post(base, { query: '{ __typename }' }, { authorization: `Bearer ${forever}` });
    expect([r.status, r.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(r.body.errors[0].message).toMatch(/exp/);
  });

  it('refuses a JWT that runs for longer than JWT_MAX_AGE_SECONDS (regression: exp in year 3000 was accepted)', async () => {
    const { base } = await open({ JWT_SECRET: SECRET, JWT_MAX_AGE_SECONDS: '3600' });
    const key = new TextEncoder().encode(SECRET);
    const token = (exp: number) =>
      new SignJWT({ role: 'reader' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setExpirationTime(exp)
        .sign(key);
    const now = Math.floor(Date.now() / 1000);
    const year3000 = await post(
      base,
      { query: '{ __typename }' },
      { authorization: `Bearer ${await token(32503680000)}` },
    );
    expect([year3000.status, year3000.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(year3000.body.errors[0].message).toMatch(/JWT_MAX_AGE_SECONDS \(3600 s\)/);
    const hour = await post(base, { query: '{ __typename }' }, { authorization: `Bearer ${await token(now + 3000)}` });
    expect(hour.body.errors).toBeUndefined();
  });

  it('echoes a client request id only when it is a short token, and frames no page', async () => {
    const { base } = await open();
    const long = 'x'.repeat(8000);
    const r = await post(base, { query: '{ __typename }' }, { 'x-request-id': long });
    expect(r.headers.get('x-request-id')).not.toBe(long);
    expect(r.headers.get('x-request-id')?.length).toBeLessThanOrEqual(128);
    const ok = await post(base, { query: '{ __typename }' }, { 'x-request-id': 'trace-42.a:b' });
    expect(ok.headers.get('x-request-id')).toBe('trace-42.a:b');
    for (const path of ['/graphql', '/explorer', '/health/live']) {
      const page = await call(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect([path, page.headers.get('x-frame-options')]).toEqual([path, 'DENY']);
    }
    const ide = await call(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(ide.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'.*|script-src 'self' 'sha256-/);
  });

  it('answers a JWKS outage with 503 SERVICE_UNAVAILABLE, naming no internal address', async () => {
    const port = await freePort();
    const { base } = await open({ JWKS_URL: `http://127.0.0.1:${port}/jwks.json` });
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    // Well-formed and asking for key "k": checking it needs the key server.
    const token = `${part({ alg: 'RS256', kid: 'k' })}.${part({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 300 })}.${Buffer.from('sig').toString('base64url')}`;
    const r = await post(base, { query: '{ __typename }' }, { authorization: `Bearer ${token}` });
    expect([r.status, r.body.errors[0].extensions.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(r.headers.get('retry-after')).toBe('1');
    expect(r.body.errors[0].message).not.toMatch(/127\.0\.0\.1|localhost|ECONNREFUSED/);
  });
});

describe('concurrent deletes of one entity (regression: all reported success)', () => {
  it('lets exactly one succeed', async () => {
    const { api } = await open();
    for (let round = 0; round < 3; round++) {
      const created = await api.gql(
        `mutation { createEntity(type: INDUSTRY, input: { name: "并发删除${round}" }, source: "t") { id } }`,
        {},
        EDITOR,
      );
      const id = created.data.createEntity.id;
      const results = await Promise.all(
        Array.from({ length: 6 }, () => api.gql('mutation($id: ID!) { deleteEntity(id: $id) }', { id }, EDITOR)),
      );
      expect(results.filter((r) => r.data?.deleteEntity === true)).toHaveLength(1);
    }
  });
});

describe('a second server on a taken port (regression: it logged its URL and kept running)', () => {
  it('exits non-zero saying the port is taken', async () => {
    const { base } = await open();
    const port = new URL(base).port;
    const second = runTs('src/server.ts', [], { PORT: port, NEO4J_URI: process.env.NEO4J_URI!, LOG_LEVEL: 'info' });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(new RegExp(`port ${port} is taken`));
  });
});

describe('the explorer', () => {
  it('is served with nosniff and a content security policy', async () => {
    const { base } = await open();
    const r = await fetch(`${base}/explorer`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });
});
