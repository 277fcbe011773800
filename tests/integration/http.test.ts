import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestApi, testApi } from '../support/api';
import { call, post } from '../support/http';

const opened: TestApi[] = [];
async function serve(env: Record<string, string> = {}) {
  const api = await testApi(env);
  opened.push(api);
  return api.listen();
}
afterAll(async () => {
  for (const api of opened) await api.close();
});

describe('GraphQL over HTTP', () => {
  let base: string;
  beforeAll(async () => (base = await serve()));

  it('answers GET queries (with a preflight header, for CSRF prevention) and refuses simple GETs', async () => {
    const q = encodeURIComponent('{ models(first: 1) { totalCount } }');
    const ok = await call(`${base}/graphql?query=${q}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data.models.totalCount).toBeGreaterThan(0);
    const csrf = await call(`${base}/graphql?query=${q}`, { headers: { accept: 'application/json' } });
    expect(csrf.status).toBe(400);
  });

  it('marks every GraphQL answer no-store: data, errors and refusals alike', async () => {
    const ok = await post(base, { query: '{ models(first: 1) { totalCount } }' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const bad = await post(base, { query: '{ models(first: -1) { totalCount } }' });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(bad.headers.get('cache-control')).toBe('no-store');
    const unparsable = await post(base, { query: '{ models(' });
    expect(unparsable.status).toBe(400);
    expect(unparsable.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses mutations over GET with 405', async () => {
    const q = encodeURIComponent('mutation { deleteEntity(id: "x") }');
    const r = await call(`${base}/graphql?query=${q}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    expect(r.status).toBe(405);
  });

  it('speaks application/graphql-response+json, with 400 for a request that cannot run', async () => {
    const r = await post(base, { query: '{ models(' }, { accept: 'application/graphql-response+json' });
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/graphql-response+json');
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await post(base, { query: '{ nope }' }, { accept: 'application/graphql-response+json' });
    expect(invalid.status).toBe(400);
    const ok = await post(
      base,
      { query: '{ models(first: 1) { totalCount } }' },
      { accept: 'application/graphql-response+json' },
    );
    expect(ok.status).toBe(200);
    expect(ok.type).toContain('application/graphql-response+json');
  });

  it('limits the body size and answers bad JSON as JSON', async () => {
    const big = await post(base, { query: `{ search(text: "${'x'.repeat(200_000)}") { score } }` });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    const bad = await call(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
  });

  it('supports automatic persisted queries', async () => {
    const query = '{ regions(first: 2) { totalCount } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const ext = { persistedQuery: { version: 1, sha256Hash } };
    expect((await post(base, { extensions: ext })).body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(base, { query, extensions: ext })).body.data.regions.totalCount).toBeGreaterThan(0);
    expect((await post(base, { extensions: ext })).body.data.regions.totalCount).toBeGreaterThan(0);
  });

  it('echoes a request id and exposes Prometheus metrics, cost refusals included', async () => {
    const r = await post(
      base,
      // A page, not only its count: a connection asked only for totalCount reads no list.
      { query: '{ models(first: 1) { totalCount nodes { key } } }', operationName: null },
      { 'x-request-id': 'abc-123' },
    );
    expect(r.headers.get('x-request-id')).toBe('abc-123');
    await post(base, {
      query:
        '{ companies(first: 100) { nodes { models(first: 100) { nodes { industries(first: 100) { totalCount } } } } } }',
    });
    const metrics = await call(`${base}/metrics`);
    expect(metrics.body).toContain('graphql_operation_duration_seconds_bucket');
    expect(metrics.body).toContain('neo4j_query_duration_seconds_bucket{le="0.001",file="entity/list"}');
    expect(metrics.body).toMatch(/graphql_cost_refusals_total\{limit="cost"\} [1-9]/);
    expect(metrics.body).toMatch(/graphql_errors_total\{code="COST_LIMIT_EXCEEDED"\} [1-9]/);
  });

  it('reports liveness and readiness', async () => {
    expect((await call(`${base}/health/live`)).body).toEqual({ status: 'alive' });
    expect((await call(`${base}/health/ready`)).body).toEqual({ status: 'ready' });
  });
});

describe('production mode', () => {
  let base: string;
  beforeAll(
    async () =>
      (base = await serve({ NODE_ENV: 'production', LOG_LEVEL: 'silent', CORS_ORIGINS: 'https://dash.example' })),
  );

  it('turns introspection and the IDE off', async () => {
    const r = await post(base, { query: '{ __schema { types { name } } }' });
    expect(r.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const ide = await call(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(String(ide.body)).not.toContain('GraphiQL');
  });

  it('never sends stack traces', async () => {
    const r = await post(base, { query: '{ node(id: "!!") { id } }' });
    expect(JSON.stringify(r.body)).not.toMatch(/stacktrace|at .*\.ts:/);
    expect(r.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('allows only the configured CORS origins', async () => {
    const allowed = await call(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://dash.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example');
    const other = await call(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('trusted operations', () => {
  const trusted = 'query Trusted { models(first: 1) { totalCount } }';
  let base: string;
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ops-')), 'operations.json');
    writeFileSync(
      file,
      JSON.stringify({ operations: [{ name: 'Trusted', sha256: createHash('sha256').update(trusted).digest('hex') }] }),
    );
    base = await serve({ TRUSTED_OPERATIONS_FILE: file });
  });

  it('runs listed operations and refuses all others with 403', async () => {
    expect((await post(base, { query: trusted })).body.data.models.totalCount).toBeGreaterThan(0);
    const other = await post(base, { query: '{ models(first: 2) { totalCount } }' });
    expect(other.status).toBe(403);
    expect(other.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('private reads', () => {
  it('asks for credentials when READS_PUBLIC=false', async () => {
    const base = await serve({ READS_PUBLIC: 'false' });
    const r = await post(base, { query: '{ models(first: 1) { totalCount } }' });
    expect(r.status).toBe(401);
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
