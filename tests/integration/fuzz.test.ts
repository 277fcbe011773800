import fc from 'fast-check';
import { cypher } from '../../src/db/cypher';
import { parseCsvText } from '../../src/filing/parse';
import { validateRows } from '../../src/filing/validate';
import { enumName } from '../../src/graph/vocabulary';
import { EDITOR, type TestApi, testApi } from '../support/api';
import { resetData } from '../support/reset';

jest.setTimeout(180_000);

let api: TestApi;
let base: string;
beforeAll(async () => {
  api = await testApi();
  base = await api.listen();
});
afterAll(async () => {
  await resetData(api.db);
  await api.close();
});

const ALLOWED = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'NOT_FOUND',
  'COST_LIMIT_EXCEEDED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);
const fingerprint = async () => (await api.db.read(cypher('load/fingerprint'))).length;
const SEED = 20261129;

function expectNoCrash(r: { errors?: any[] }, context: unknown) {
  for (const e of r.errors ?? []) {
    if (!ALLOWED.has(e.extensions?.code))
      throw new Error(`unexpected ${e.extensions?.code}: ${e.message} for ${JSON.stringify(context).slice(0, 300)}`);
  }
}

const junk = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\uFFFD',
    '9'.repeat(400),
    '-1',
    '1e309',
    'NaN',
    '2024-02-30',
    '{{label}}',
    '$where',
    'MATCH (n) DETACH DELETE n',
  ),
);

const OPERATIONS = [
  'query($a: Int, $b: String, $c: ModelWhere, $d: ModelOrder) { models(first: $a, after: $b, where: $c, orderBy: $d) { totalCount nodes { name } } }',
  'query($a: String!, $b: [EntityLabel!], $c: Int) { search(text: $a, types: $b, first: $c) { score } }',
  'query($a: ID!) { node(id: $a) { id } }',
  'query($a: ID!, $b: ID!, $c: Int, $d: PathFilter) { shortestPath(from: $a, to: $b, maxHops: $c, filter: $d) { length } }',
  'query($a: ID!, $b: Int, $c: Int, $d: [RelationshipType!]) { neighborhood(id: $a, depth: $b, limit: $c, types: $d) { totalNodes } }',
  'query($a: String!) { companyByName(name: $a) { key } modelByFilingNumber(filingNumber: $a) { key } }',
  'query($a: CompanyWhere, $b: Int) { companies(first: $b, where: $a) { totalCount } }',
  'query($a: StatRank) { filingsByRegion(rankBy: $a) { totalCounted } }',
];

describe('property-based: malformed input never crashes and never writes', () => {
  it('2,400 random variable sets over eight operations: no internal error', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATIONS),
        fc.record({ a: junk, b: junk, c: junk, d: junk }, { requiredKeys: [] }),
        async (query, variables) => {
          runs += 1;
          expectNoCrash(await api.gql(query, variables), { query, variables });
        },
      ),
      { numRuns: 2400, seed: SEED },
    );
    expect(runs).toBe(2400);
  });

  it('2,000 mutated query documents over HTTP: never a 5xx', async () => {
    const valid =
      '{ companies(first: 3, where: { region: "北京" }) { totalCount nodes { name models(first: 2) { nodes { name } } } } }';
    const mutated = fc
      .tuple(fc.nat(valid.length), fc.nat(8), fc.string({ maxLength: 6 }))
      .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.string({ maxLength: 80 })), async (query) => {
        const res = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = JSON.parse(await res.text());
        expect(res.status).toBeLessThan(500);
        expectNoCrash(body, query);
      }),
      { numRuns: 2000, seed: SEED },
    );
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(2000);
  });

  it('2,000 malformed mutations from an editor: refused, and nothing written', async () => {
    const before = await fingerprint();
    const bad = fc.record({
      type: fc.constantFrom('Model', 'Company', 'Policy', 'Insight', 'Region'),
      name: fc.oneof(fc.constantFrom('', '   ', '坏\uFFFD', 'x'.repeat(300)), fc.string()),
      properties: fc
        .dictionary(fc.string({ minLength: 1, maxLength: 8 }), junk, { maxKeys: 3 })
        .map((p) => ({ ...p, notAProperty: 1 })),
    });
    await fc.assert(
      fc.asyncProperty(bad, async ({ type, name, properties }) => {
        const r = await api.gql(
          `mutation($i: EntityInput!) { createEntity(type: ${enumName(type)}, input: $i, source: "fuzz") { id } }`,
          { i: { name, properties } },
          EDITOR,
        );
        expect(r.errors?.length).toBeGreaterThan(0);
        expectNoCrash(r, { type, name, properties });
      }),
      { numRuns: 2000, seed: SEED },
    );
    expect(await fingerprint()).toBe(before);
  });

  it('2,000 random import rows: validation never crashes; a real import writes whole rows only', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom(
        '北京市',
        '上海市',
        '',
        'Beijing-X-20240101',
        '2024-01-01',
        '2024/13/40',
        '北京某科技有限公司',
        '某大模型',
      ),
    );
    const row = fc.tuple(fc.oneof(fc.nat(999).map(String), cell), cell, cell, cell, cell, cell);
    const rows = await fc.sample(row, { numRuns: 2000, seed: SEED });
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const csv = ['序号,属地,模型名称,备案单位,备案编号,备案时间', ...rows.map((r) => r.map(csvCell).join(','))].join(
      '\n',
    );
    const region = (n: string) =>
      n === '北京市' || n.toLowerCase() === 'beijing'
        ? { key: '110000', name: '北京市', filingPrefix: 'Beijing' }
        : undefined;
    const v = validateRows(parseCsvText(csv).rows, region);
    expect(v.valid.length + v.skipped).toBe(2000);
    // Every row with an error is counted; the problems listed stop at MAX_PROBLEMS_LISTED.
    expect(v.skipped).toBeGreaterThanOrEqual(new Set(v.errors.map((e) => e.row)).size);

    const r = await api.gql(
      'mutation($c: String!) { importFilingList(content: $c, source: "fuzz-import") { rows valid skipped } }',
      { c: csv },
      EDITOR,
    );
    expectNoCrash(r, 'import');
    expect(r.data.importFilingList.rows).toBe(2000);
    const [check] = await api.db.read({
      file: 'test/fuzz-import',
      // A model without a filer is a row kept by its identity (a filing number or a 序号), never a half-written row.
      text: "MATCH (m:Model) WHERE 'fuzz-import' IN m.sourceKeys RETURN count(m) AS models, count(CASE WHEN NOT EXISTS { (:Company)-[:DEVELOPS]->(m) } AND m.filingNumber IS NULL AND m.filingSeq IS NULL THEN 1 END) AS orphans",
    });
    expect(check.orphans).toBe(0);
    expect(Number(check.models)).toBeLessThanOrEqual(r.data.importFilingList.valid);
  });
});

describe('Cypher injection through every string argument', () => {
  const PAYLOADS = [
    "' OR 1=1 //",
    '"}) DETACH DELETE n //',
    "x' }) MATCH (n) DETACH DELETE n RETURN 1 //",
    '`) DETACH DELETE n //',
    '{{label}}',
    '$where',
    '\\u0027 OR true //',
    'Model) DETACH DELETE n //',
    '百度"}) CALL { MATCH (n) DETACH DELETE n } //',
  ];
  const ARGUMENTS: [string, (p: string) => Record<string, unknown>][] = [
    [
      'query($p: String!) { models(where: { nameContains: $p, region: $p, company: $p, industry: $p, scenario: $p }) { totalCount } }',
      (p) => ({ p }),
    ],
    [
      'query($p: String!) { companies(where: { nameContains: $p, region: $p, enterpriseType: $p, industry: $p }) { totalCount } }',
      (p) => ({ p }),
    ],
    [
      'query($p: String!) { regions(where: { nameContains: $p, cluster: $p }) { totalCount } policies(where: { nameContains: $p, region: $p }) { totalCount } }',
      (p) => ({ p }),
    ],
    [
      'query($p: String!) { scenarios(where: { nameContains: $p, industry: $p }) { totalCount } insights(where: { nameContains: $p }) { totalCount } }',
      (p) => ({ p }),
    ],
    ['query($p: String!) { search(text: $p) { score } }', (p) => ({ p })],
    [
      'query($p: String!) { companyByName(name: $p) { key } modelByName(name: $p) { key } regionByCode(code: $p) { key } modelByFilingNumber(filingNumber: $p) { key } }',
      (p) => ({ p }),
    ],
    // A source's kind is an enum now: a payload cannot reach that statement as text at all.
    ['query($p: String!) { source(key: $p) { key } sources(kind: REPORT) { key } }', (p) => ({ p })],
    [
      'query($p: ID!) { node(id: $p) { id } neighborhood(id: $p) { totalNodes } }',
      (p) => ({ p: Buffer.from(`Company:${p}`).toString('base64url') }),
    ],
    [
      'query($p: ID!) { shortestPath(from: $p, to: $p) { length } }',
      (p) => ({ p: Buffer.from(`Model:${p}`).toString('base64url') }),
    ],
    [
      'mutation($p: String!) { createEntity(type: COMPANY, input: { name: $p, aliases: [$p] }, source: $p) { key name } }',
      (p) => ({ p }),
    ],
  ];

  it('treats every payload as data: no error but input errors, and the graph only changes by the entity a create asked for', async () => {
    const before = await api.db.read({ file: 'test/count', text: 'MATCH (n) RETURN count(n) AS n' });
    let creates = 0;
    for (const payload of PAYLOADS) {
      for (const [query, vars] of ARGUMENTS) {
        const r = await api.gql(query, vars(payload), EDITOR);
        expectNoCrash(r, { query, payload });
        if (query.startsWith('mutation') && !r.errors) {
          creates += 1;
          expect(r.data.createEntity.name).toBe(payload.normalize('NFKC').trim());
        }
      }
    }
    const after = await api.db.read({ file: 'test/count', text: 'MATCH (n) RETURN count(n) AS n' });
    // Each accepted create adds its company and, at most, the source node it cites.
    expect(Number(after[0].n) - Number(before[0].n)).toBeLessThanOrEqual(creates * 2);
    expect(Number(after[0].n)).toBeGreaterThanOrEqual(Number(before[0].n));
    const [baidu] = await api.db.read({
      file: 'test/baidu',
      text: "MATCH (c:Company {key: '北京百度网讯科技有限公司'}) RETURN count(c) AS n",
    });
    expect(baidu.n).toBe(1);
  });
});
