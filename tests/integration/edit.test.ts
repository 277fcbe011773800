import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { cypher } from '../../src/db/cypher';
import { enumName } from '../../src/graph/vocabulary';
import { EDITOR, READER, type TestApi, testApi } from '../support/api';
import { resetData } from '../support/reset';

const SECRET = 'test-secret-that-is-long-enough-for-hs256';
const EDITOR_KEY = 'editor-key-123';
const READER_KEY = 'reader-key-456';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

let api: TestApi;
let base: string;
beforeAll(async () => {
  api = await testApi({
    API_KEYS: `alice:editor:${sha(EDITOR_KEY)},bob:reader:${sha(READER_KEY)}`,
    JWT_SECRET: SECRET,
  });
  base = await api.listen();
});
afterAll(async () => {
  await resetData(api.db);
  await api.close();
});

const count = async () => (await api.db.read(cypher('load/fingerprint'))).length;
const http = async (body: object, headers: Record<string, string> = {}) => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: JSON.parse(await res.text()) };
};
const CREATE =
  'mutation($input: EntityInput!) { createEntity(type: COMPANY, input: $input, source: "editor note 1") { id key name sources { key kind } } }';

describe('authentication for writes', () => {
  it('refuses a write without credentials (UNAUTHENTICATED) and writes nothing', async () => {
    const before = await count();
    const r = await http({ query: CREATE, variables: { input: { name: '测试公司A' } } });
    expect(r.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('refuses a reader key (FORBIDDEN) and a wrong key (UNAUTHENTICATED)', async () => {
    const reader = await http(
      { query: CREATE, variables: { input: { name: '测试公司A' } } },
      { 'x-api-key': READER_KEY },
    );
    expect(reader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const wrong = await http({ query: CREATE, variables: { input: { name: '测试公司A' } } }, { 'x-api-key': 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('accepts an editor API key and an HS256 bearer token with the editor role', async () => {
    const byKey = await http(
      { query: CREATE, variables: { input: { name: '测试公司A' } } },
      { 'x-api-key': EDITOR_KEY },
    );
    expect(byKey.body.errors).toBeUndefined();
    expect(byKey.body.data.createEntity).toMatchObject({
      name: '测试公司A',
      sources: [{ key: 'editor note 1', kind: 'API_EDIT' }],
    });
    const token = await new SignJWT({ role: 'editor' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('carol')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const byJwt = await http(
      { query: CREATE, variables: { input: { name: '测试公司B' } } },
      { authorization: `Bearer ${token}` },
    );
    expect(byJwt.body.errors).toBeUndefined();
    const readerToken = await new SignJWT({ role: 'reader' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(SECRET));
    const denied = await http(
      { query: CREATE, variables: { input: { name: '测试公司C' } } },
      { authorization: `Bearer ${readerToken}` },
    );
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const forged = await http(
      { query: CREATE, variables: { input: { name: '测试公司C' } } },
      { authorization: `Bearer ${token.slice(0, -2)}xx` },
    );
    expect(forged.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps reads public by default', async () => {
    const r = await http({ query: '{ models(first: 1) { totalCount } }' });
    expect(r.body.data.models.totalCount).toBeGreaterThan(0);
  });
});

describe('mutations', () => {
  it('creates, updates and deletes an entity, recording source, author and time', async () => {
    const created = await api.gql(
      'mutation { createEntity(type: POLICY, input: { name: "测试政策", properties: { level: NATIONAL_X } }, source: "s") { id } }',
      {},
      EDITOR,
    );
    expect(created.errors?.[0].extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const ok = await api.gql(
      'mutation { createEntity(type: POLICY, input: { name: "测试政策", nameEn: "Test policy", properties: { level: "LOCAL", issuedOn: "2025-06-01" } }, source: "s") { id ... on Policy { issuedOn level } } }',
      {},
      EDITOR,
    );
    expect(ok.errors).toBeUndefined();
    const id = ok.data.createEntity.id;
    const [row] = await api.db.read({
      file: 'test/changed',
      text: "MATCH (p:Policy {key: '测试政策'}) RETURN p.changedBy AS by, p.changedAt AS at, p.sourceKeys AS sources",
    });
    expect(row.by).toBe('test-editor');
    expect(Date.now() - Date.parse(String(row.at))).toBeLessThan(60_000);
    const updated = await api.gql(
      'mutation($id: ID!) { updateEntity(id: $id, patch: { aliases: ["测试别名"], properties: { effect: "效果" } }, source: "s2") { aliases sources { key } ... on Policy { effect } } }',
      { id },
      EDITOR,
    );
    expect(updated.data.updateEntity).toEqual({
      aliases: ['测试别名'],
      sources: [{ key: 's' }, { key: 's2' }],
      effect: '效果',
    });
    const industry = (await api.gql('{ industryByName(name: "教育") { id } }')).data.industryByName.id;
    const rel = await api.gql(
      'mutation($p: ID!, $i: ID!) { createRelationship(type: PROMOTES, from: $p, to: $i, properties: { effect: "+5%" }, source: "s3") { type from { name } to { name } sources { key } } }',
      { p: id, i: industry },
      EDITOR,
    );
    expect(rel.data.createRelationship).toEqual({
      type: 'PROMOTES',
      from: { name: '测试政策' },
      to: { name: '教育' },
      sources: [{ key: 's3' }],
    });
    const delRel = await api.gql(
      'mutation($p: ID!, $i: ID!) { deleteRelationship(type: PROMOTES, from: $p, to: $i) }',
      { p: id, i: industry },
      EDITOR,
    );
    expect(delRel.data.deleteRelationship).toBe(true);
    const del = await api.gql('mutation($id: ID!) { deleteEntity(id: $id) }', { id }, EDITOR);
    expect(del.data.deleteEntity).toBe(true);
    expect((await api.gql('query($id: ID!) { node(id: $id) { id } }', { id })).data.node).toBeNull();
    expect((await api.gql('mutation($id: ID!) { deleteEntity(id: $id) }', { id }, EDITOR)).data.deleteEntity).toBe(
      false,
    );
  });

  it.each([
    ['Model', { name: '坏模型', properties: { filingNumber: 'bad number' } }, 'properties.filingNumber', /must read/],
    ['Model', { name: '坏模型', properties: { filingDate: '2024-02-30' } }, 'properties.filingDate', /YYYY-MM-DD/],
    ['Model', { name: '坏模型', properties: { colour: 'red' } }, 'properties.colour', /not a property of Model/],
    ['Policy', { name: '坏政策', properties: { level: 'GALACTIC' } }, 'properties.level', /one of NATIONAL, LOCAL/],
    ['Insight', { name: '坏洞察', properties: { kind: 'OUTLOOK' } }, 'properties.text', /required/],
    ['Company', { name: '   ' }, 'input.name', /empty/],
    ['Company', { name: '坏\uFFFD公司' }, 'input.name', /U\+FFFD/],
    ['Company', { name: '北京百度网讯科技有限公司' }, 'input.name', /already exists/],
  ])('refuses a bad %s (%j), naming %s, and writes nothing', async (type, input, argument, rule) => {
    const before = await count();
    const r = await api.gql(
      `mutation($input: EntityInput!) { createEntity(type: ${enumName(type)}, input: $input, source: "s") { id } }`,
      { input },
      EDITOR,
    );
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain(`"${argument}"`);
    expect(r.errors?.[0].message).toMatch(rule);
    expect(await count()).toBe(before);
  });

  it('refuses relationships whose ends do not fit the type, or do not exist', async () => {
    const ids = (await api.gql('{ c: companyByName(name: "百度") { id } r: regionByName(name: "北京") { id } }')).data;
    const wrong = await api.gql(
      'mutation($a: ID!, $b: ID!) { createRelationship(type: DEVELOPS, from: $a, to: $b, source: "s") { type } }',
      { a: ids.c.id, b: ids.r.id },
      EDITOR,
    );
    expect(wrong.errors?.[0].message).toMatch(/"to" must be a Model for DEVELOPS, not a Region/);
    const ghost = Buffer.from('Model:不存在').toString('base64url');
    const missing = await api.gql(
      'mutation($a: ID!, $b: ID!) { createRelationship(type: DEVELOPS, from: $a, to: $b, source: "s") { type } }',
      { a: ids.c.id, b: ghost },
      EDITOR,
    );
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
    const reader = await api.gql(
      'mutation($a: ID!, $b: ID!) { deleteRelationship(type: BASED_IN, from: $a, to: $b) }',
      { a: ids.c.id, b: ids.r.id },
      READER,
    );
    expect(reader.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it("imports a filing list through the API with the importer's validation", async () => {
    const csv =
      '序号,属地,模型名称,备案单位,备案编号,备案时间\n1,北京市,接口模型,北京接口科技有限公司,Beijing-JieKou-202503030001,2025-03-03\n,北京市,,北京接口科技有限公司,,2025-03-04\n';
    const dry = await api.gql(
      'mutation($c: String!) { importFilingList(content: $c, source: "api-batch", dryRun: true) { rows valid skipped dryRun writtenNodes errors { row column rule } } }',
      { c: csv },
      EDITOR,
    );
    expect(dry.data.importFilingList).toMatchObject({
      rows: 2,
      valid: 1,
      skipped: 1,
      dryRun: true,
      writtenNodes: null,
      errors: [{ row: 3, column: '模型名称' }],
    });
    expect((await api.gql('{ modelByName(name: "接口模型") { key } }')).data.modelByName).toBeNull();
    const real = await api.gql(
      'mutation($c: String!) { importFilingList(content: $c, source: "api-batch") { valid writtenNodes } }',
      { c: csv },
      EDITOR,
    );
    expect(real.data.importFilingList.valid).toBe(1);
    expect(
      (await api.gql('{ modelByFilingNumber(filingNumber: "Beijing-JieKou-202503030001") { name sources { key } } }'))
        .data.modelByFilingNumber,
    ).toEqual({ name: '接口模型', sources: [{ key: 'api-batch' }] });
    const anonymous = await api.gql('mutation($c: String!) { importFilingList(content: $c, source: "x") { valid } }', {
      c: csv,
    });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
