import { cypher } from '../../src/db/cypher';
import { modelType } from '../../src/entity/kinds/model';
import { projectionSlots, WHOLE_ROWS } from '../../src/entity/projection';
import { listPlan } from '../../src/entity/types';
import { generate, removeGenerated } from '../../src/synthetic/generate';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

// Each type: a natural-key name from the data, its list field, and a relationship to walk.
const TYPES = [
  {
    type: 'Model',
    single: 'model',
    plural: 'models',
    name: '文心一言',
    rel: 'developers',
    relName: '北京百度网讯科技有限公司',
  },
  { type: 'Company', single: 'company', plural: 'companies', name: '百度', rel: 'models', relName: '文心一言' },
  { type: 'Region', single: 'region', plural: 'regions', name: '北京', rel: 'clusters', relName: '京津冀' },
  { type: 'Cluster', single: 'cluster', plural: 'clusters', name: '长三角', rel: 'regions', relName: '上海市' },
  {
    type: 'Industry',
    single: 'industry',
    plural: 'industries',
    name: '通用人工智能',
    rel: 'promotedBy',
    relName: '《生成式人工智能服务管理暂行办法》',
  },
  {
    type: 'Scenario',
    single: 'scenario',
    plural: 'scenarios',
    name: '政策匹配',
    rel: 'models',
    relName: '冀泽政务大模型',
  },
  {
    type: 'Policy',
    single: 'policy',
    plural: 'policies',
    name: '“人工智能+”行动',
    rel: 'promotesIndustries',
    relName: '文旅',
  },
  {
    type: 'EnterpriseType',
    single: 'enterpriseType',
    plural: 'enterpriseTypes',
    name: '国企',
    rel: 'companies',
    relName: '中国移动通信有限公司',
  },
  { type: 'Insight', single: 'insight', plural: 'insights', name: '多模态融合', rel: 'models', relName: '兔灵视觉' },
];

describe.each(TYPES)('$type', ({ type, single, plural, name, rel, relName }) => {
  it('is found by name or alias, by global id, and through node(id)', async () => {
    const byName = await api.gql(
      `query($n: String!) { x: ${single}ByName(name: $n) { id key name sources { key } } }`,
      { n: name },
    );
    expect(byName.errors).toBeUndefined();
    const found = byName.data.x;
    expect(found).not.toBeNull();
    expect(found.sources.length).toBeGreaterThan(0);
    const byId = await api.gql(
      `query($id: ID!) { x: ${single}(id: $id) { key } n: node(id: $id) { __typename ... on Entity { key } } }`,
      { id: found.id },
    );
    expect(byId.data.x.key).toBe(found.key);
    expect(byId.data.n).toEqual({ __typename: type, key: found.key });
  });

  it('returns null for a missing name and a missing id', async () => {
    const missing = Buffer.from(`${type}:no-such-key`).toString('base64url');
    const r = await api.gql(
      `query($id: ID!) { a: ${single}ByName(name: "不存在的名字") { key } b: ${single}(id: $id) { key } c: node(id: $id) { id } }`,
      { id: missing },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ a: null, b: null, c: null });
  });

  it('lists in keyset pages that cover every node once, with totalCount', async () => {
    const keys: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 200; i++) {
      const r: any = await api.gql(
        `query($after: String) { x: ${plural}(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { key name } } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      total = r.data.x.totalCount;
      keys.push(...r.data.x.nodes.map((n: { key: string }) => n.key));
      if (!r.data.x.pageInfo.hasNextPage) break;
      after = r.data.x.pageInfo.endCursor;
    }
    expect(keys.length).toBe(total);
    expect(new Set(keys).size).toBe(total);
    expect(total).toBeGreaterThan(1);
  });

  it(`walks ${rel} and back`, async () => {
    const r = await api.gql(
      `query($n: String!) { x: ${single}ByName(name: $n) { ${rel}(first: 100) { totalCount edges { relationship { type sources { key } } node { name } } } } }`,
      { n: name },
    );
    expect(r.errors).toBeUndefined();
    const edges = r.data.x[rel].edges;
    expect(edges.map((e: any) => e.node.name)).toContain(relName);
    expect(r.data.x[rel].totalCount).toBe(edges.length);
    for (const e of edges) expect(e.relationship.sources.length).toBeGreaterThan(0);
  });
});

describe('filters and order', () => {
  it('filters models by region, company alias, industry and filing dates', async () => {
    const r = await api.gql(`{
      a: models(first: 100, where: { region: "北京", filedFrom: "2023-08-01", filedTo: "2023-08-31" }) { nodes { name filingDate } }
      b: models(where: { company: "Baidu" }) { nodes { name } }
      c: models(where: { industry: "金融科技" }) { totalCount }
      d: models(where: { nameContains: "qwen" }) { nodes { name } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.a.nodes.length).toBeGreaterThan(0);
    for (const m of r.data.a.nodes) expect(m.filingDate >= '2023-08-01' && m.filingDate <= '2023-08-31').toBe(true);
    expect(r.data.b.nodes.map((n: any) => n.name)).toContain('文心一言');
    expect(r.data.c.totalCount).toBe(2);
    expect(r.data.d.nodes.map((n: any) => n.name)).toEqual(['通义千问大模型']);
  });

  it('orders by filing date both ways with undated models last', async () => {
    const asc = await api.gql(
      `{ models(first: 100, orderBy: { field: FILING_DATE, direction: ASC }) { nodes { filingDate } } }`,
    );
    const desc = await api.gql(
      `{ models(first: 100, orderBy: { field: FILING_DATE, direction: DESC }) { nodes { filingDate } } }`,
    );
    const datesAsc = asc.data.models.nodes.map((n: any) => n.filingDate);
    const datesDesc = desc.data.models.nodes.map((n: any) => n.filingDate);
    const dated = datesAsc.filter(Boolean);
    expect(dated).toEqual([...dated].sort());
    expect(datesAsc.slice(dated.length).every((d: unknown) => d === null)).toBe(true);
    expect(datesDesc.filter(Boolean)).toEqual([...dated].reverse());
    expect(datesDesc.at(-1)).toBeNull();
  });

  it('filters companies by enterprise type and regions by cluster and kind', async () => {
    const r = await api.gql(`{
      a: companies(where: { enterpriseType: "民营企业" }) { nodes { nameEn } }
      b: regions(where: { cluster: "成渝" }) { nodes { name } }
      c: regions(where: { kind: CITY }) { totalCount }
      d: policies(where: { level: NATIONAL, issuedFrom: "2024-01-01" }) { nodes { name } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.a.nodes.map((n: any) => n.nameEn).sort()).toEqual(['Baidu', 'SenseTime']);
    expect(r.data.b.nodes.map((n: any) => n.name).sort()).toEqual(['四川省', '重庆市']);
    expect(r.data.c.totalCount).toBe(3);
    expect(r.data.d.nodes.map((n: any) => n.name)).toEqual(['“人工智能+”行动', '数据安全法配套细则']);
  });
});

describe('errors', () => {
  it.each([
    ['{ models(first: 101) { totalCount } }', 'first'],
    ['{ models(after: "nope") { totalCount } }', 'after'],
    ['{ node(id: "!!") { id } }', 'id'],
    ['{ search(text: "   ") { score } }', 'text'],
    ['{ search(text: "百度", first: -1) { score } }', 'first'],
    ['{ search(text: "百度", first: 101) { score } }', 'first'],
    ['{ unmatchedNames(type: COMPANY, first: 101) { entity { id } } }', 'first'],
    ['{ shortestPaths(from: "Q29tcGFueTp4", to: "Q29tcGFueTp5", k: 0) { length } }', 'k'],
  ])('%s gives BAD_USER_INPUT', async (query, argument) => {
    const r = await api.gql(query);
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    if (argument) expect(r.errors?.[0].message).toContain(`"${argument}"`);
  });

  it('a bad date in a variable is BAD_USER_INPUT naming the rule; as a literal it fails validation', async () => {
    const v = await api.gql('query($d: Date) { models(where: { filedFrom: $d }) { totalCount } }', { d: '2024-02-30' });
    expect(v.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(v.errors?.[0].message).toMatch(/YYYY-MM-DD/);
    const l = await api.gql('{ models(where: { filedFrom: "2024-02-30" }) { totalCount } }');
    expect(l.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(l.errors?.[0].message).toMatch(/YYYY-MM-DD/);
  });

  it('every page takes first from 0 to 100, one rule (regression: three lower bounds)', async () => {
    const r = await api.gql(
      '{ search(text: "百度", first: 0) { score } models(first: 0) { totalCount nodes { id } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.search).toEqual([]);
    expect(r.data.models.nodes).toEqual([]);
    for (const q of ['{ search(text: "百度", first: 101) { score } }', '{ models(first: 101) { totalCount } }'])
      expect((await api.gql(q)).errors?.[0].message).toContain('must be an integer from 0 to 100');
  });

  it('a bad argument is an error at its field; the other fields still answer (regression: data: null)', async () => {
    const r = await api.gql(
      '{ models(after: "garbage") { totalCount } filingsByRegion { totalCounted } companies(first: 1) { nodes { models(after: "x") { totalCount } name } } }',
    );
    expect(r.errors?.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([
      ['models', 'BAD_USER_INPUT'],
      ['companies.nodes.0.models', 'BAD_USER_INPUT'],
    ]);
    expect(r.data.models).toBeNull();
    expect(r.data.filingsByRegion.totalCounted).toBeGreaterThan(0);
    expect(r.data.companies.nodes[0]).toEqual({ models: null, name: expect.any(String) });
  });

  it('an unknown field is a validation error, not a crash', async () => {
    const r = await api.gql('{ models { nope } }');
    expect(r.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('list plans: start from the anchor or read the name index in order', () => {
  // A page of models in a region either starts from the region and sorts its models, or reads
  // models in name order from the name index and checks the region on each, stopping at the
  // page size. The statement picks by fanout^2 <= limit * label size.
  // A generated register the size of the real one makes the region big enough for both plans.
  beforeAll(async () => {
    await generate(api.db, { scale: 1 });
  }, 60_000);
  afterAll(() => removeGenerated(api.db));
  const region = '110000';
  // The API's orders: NAME, and FILING_DATE with undated models last either way (then by key).
  type Field = 'NAME' | 'FILING_DATE';
  const orderBy = (field: Field, dir: string) =>
    field === 'NAME'
      ? `m.name ${dir}, m.key ${dir}`
      : `coalesce(m.filingDate, ${dir === 'ASC' ? "'~'" : "''"}) ${dir}, m.key ${dir}`;
  const truth = async (dir: 'ASC' | 'DESC', field: Field = 'NAME', inRegion = true) =>
    (
      await api.db.read(
        {
          file: 'test/region-models',
          text: `MATCH (m:Model) WHERE NOT $inRegion OR (m)-[:FILED_IN]->(:Region {key: $region}) RETURN m.key AS key ORDER BY ${orderBy(field, dir)}`,
        },
        { region, inRegion },
      )
    ).map((r) => r.key);

  const walk = async (first: number, dir: 'ASC' | 'DESC', field: Field = 'NAME', inRegion = true) => {
    const keys: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 300; pages++) {
      const r: any = await api.gql(
        'query($first: Int, $after: String, $dir: OrderDirection, $field: ModelOrderField!, $where: ModelWhere) { models(first: $first, after: $after, where: $where, orderBy: { field: $field, direction: $dir }) { nodes { key } pageInfo { hasNextPage endCursor } } }',
        { first, after, dir, field, where: inRegion ? { region: '北京' } : null },
      );
      expect(r.errors).toBeUndefined();
      keys.push(...r.data.models.nodes.map((n: any) => n.key));
      if (!r.data.models.pageInfo.hasNextPage) return keys;
      after = r.data.models.pageInfo.endCursor;
    }
    throw new Error('more than 300 pages');
  };

  it.each([
    [2, 'ASC'],
    [2, 'DESC'],
    [3, 'ASC'],
    [100, 'ASC'],
    [100, 'DESC'],
  ] as const)('first: %i, %s gives every model of the region once, in order', async (first, dir) => {
    const expected = await truth(dir);
    expect(expected.length).toBeGreaterThan(10);
    expect(await walk(first, dir)).toEqual(expected);
  });

  it.each([
    [2, 'ASC', true],
    [3, 'DESC', true],
    [100, 'ASC', true],
    [100, 'DESC', true],
    [7, 'ASC', false],
    [50, 'DESC', false],
  ] as const)(
    'by filing date, first: %i, %s (in the region: %s) gives every model once, undated last',
    async (first, dir, inRegion) => {
      const expected = await truth(dir, 'FILING_DATE', inRegion);
      const [{ undated }] = await api.db.read(
        {
          file: 'test/undated',
          text: 'MATCH (m:Model) WHERE m.filingDate IS NULL AND (NOT $inRegion OR (m)-[:FILED_IN]->(:Region {key: $region})) RETURN count(*) AS undated',
        },
        { inRegion, region },
      );
      // Both parts are there: dated models read from the index, then the undated ones.
      expect(Number(undated)).toBeGreaterThan(0);
      expect(expected.length).toBeGreaterThan(Number(undated));
      expect(await walk(first, dir, 'FILING_DATE', inRegion)).toEqual(expected);
    },
  );

  it('counts the models of a region from the anchor, without reading the name index', async () => {
    const r = await api.gql('{ models(where: { region: "北京" }) { totalCount } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.models.totalCount).toBe((await truth('ASC')).length);
  });

  it('takes the ordered scan for a small page of a big region, the anchor for a big page', async () => {
    const [{ fanout, size }] = await api.db.read(
      {
        file: 'test/fanout',
        text: 'MATCH (g:Region {key: $region}) RETURN COUNT { (g)<-[:FILED_IN]-() } AS fanout, COUNT { MATCH (:Model) } AS size',
      },
      { region },
    );
    const inRegion = (await truth('ASC')).length;
    const plansTaken = async (limit: number) => {
      const plan = listPlan(modelType, { region }, { field: 'NAME', sort: 'n.name', dir: 'ASC', after: false });
      const statement = cypher('entity/list', {
        ...plan.slots,
        ...projectionSlots(WHOLE_ROWS),
        sort: 'n.name',
        dir: 'ASC',
        cmp: '>',
      });
      const { summary, records } = await api.db.driver.executeQuery(
        `PROFILE ${statement.text}`,
        { where: plan.rest, anchor: plan.anchor, after: null, limit },
        { database: api.db.database },
      );
      expect(records.length).toBe(Math.min(limit, inRegion));
      const rows = (match: RegExp) => {
        let total = 0;
        const visit = (op: any) => {
          if (match.test(String(op.arguments?.Details ?? ''))) total += Number(op.rows);
          op.children.forEach(visit);
        };
        visit(summary.profile);
        return total;
      };
      return {
        scan: rows(/RANGE INDEX n:Model\(name\) WHERE name >= CASE/) > 0,
        anchored: rows(/\(a\)<-\[.*:FILED_IN\]-\(n\)/) > 0,
      };
    };
    const small = 3;
    const big = 60;
    expect(Number(fanout) ** 2).toBeGreaterThan(small * Number(size));
    expect(Number(fanout) ** 2).toBeLessThanOrEqual(big * Number(size));
    expect(await plansTaken(small)).toEqual({ scan: true, anchored: false });
    expect(await plansTaken(big)).toEqual({ scan: false, anchored: true });
  });

  it('reads a small page by filing date from the date index, and starts from the anchor when another filter joins it', async () => {
    const plansTaken = async (where: Record<string, unknown>, dir: 'ASC' | 'DESC') => {
      const order = { field: 'FILING_DATE', sort: modelType.orderFields.FILING_DATE[dir], dir, after: false };
      const plan = listPlan(modelType, where, order);
      const statement = cypher('entity/list', {
        ...plan.slots,
        ...projectionSlots(WHOLE_ROWS),
        sort: order.sort,
        dir,
        cmp: dir === 'ASC' ? '>' : '<',
      });
      const { summary } = await api.db.driver.executeQuery(
        `PROFILE ${statement.text}`,
        { where: plan.rest, anchor: plan.anchor, after: null, limit: 3 },
        { database: api.db.database },
      );
      let dateIndexRows = 0;
      let anchoredRows = 0;
      const visit = (op: any) => {
        const details = String(op.arguments?.Details ?? '');
        if (/RANGE INDEX n:Model\(filingDate\)/.test(details)) dateIndexRows += Number(op.rows);
        if (/\(a\)<-\[.*:FILED_IN\]-\(n\)/.test(details)) anchoredRows += Number(op.rows);
        op.children.forEach(visit);
      };
      visit(summary.profile);
      return { scan: dateIndexRows > 0, anchored: anchoredRows > 0 };
    };
    for (const dir of ['ASC', 'DESC'] as const) {
      expect(await plansTaken({ region }, dir)).toEqual({ scan: true, anchored: false });
      expect(await plansTaken({ region, hasFilingNumber: true }, dir)).toEqual({ scan: false, anchored: true });
    }
  });
});

describe('counts: from the count and degree stores where nothing else filters, and every candidate once', () => {
  const count = async (text: string, params: Record<string, unknown> = {}) =>
    Number((await api.db.read({ file: 'test/count', text: `${text} RETURN count(DISTINCT m) AS n` }, params))[0].n);

  it('lists and counts the models of a company whose name is its key once each (regression: twice)', async () => {
    const [company] = await api.db.read({
      file: 'test/key-is-name',
      text: 'MATCH (c:Company) WHERE c.key = c.name AND COUNT { (c)-[:DEVELOPS]->() } >= 2 RETURN c.key AS key LIMIT 1',
    });
    expect(company).toBeDefined();
    const r = await api.gql(
      'query($c: String) { models(first: 100, where: { company: $c }) { totalCount nodes { key } } }',
      {
        c: company.key,
      },
    );
    expect(r.errors).toBeUndefined();
    const keys = r.data.models.nodes.map((n: any) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    const truth = await count('MATCH (:Company {key: $c})-[:DEVELOPS]->(m:Model)', { c: company.key });
    expect(keys.length).toBe(truth);
    expect(r.data.models.totalCount).toBe(truth);
  });

  it('gives every region the count of its models read one by one, as a filter and as a connection', async () => {
    const regions = await api.db.read({
      file: 'test/regions',
      text: 'MATCH (g:Region) WHERE COUNT { (g)<-[:FILED_IN]-() } > 0 RETURN g.key AS key ORDER BY key',
    });
    expect(regions.length).toBeGreaterThan(5);
    const r = await api.gql('{ regions(first: 100) { nodes { key models(first: 1) { totalCount } } } }');
    expect(r.errors).toBeUndefined();
    const byConnection = new Map(r.data.regions.nodes.map((n: any) => [n.key, n.models.totalCount]));
    for (const { key } of regions) {
      const truth = await count('MATCH (m:Model)-[:FILED_IN]->(:Region {key: $key})', { key });
      const filtered = await api.gql('query($r: String) { models(where: { region: $r }) { totalCount } }', { r: key });
      expect([key, filtered.data.models.totalCount, byConnection.get(key)]).toEqual([key, truth, truth]);
    }
  });

  it('counts every model and company without a filter, and reads candidates when another filter joins the anchor', async () => {
    const r = await api.gql(
      '{ models { totalCount } companies { totalCount } dated: models(where: { region: "北京", filedFrom: "2024-01-01" }) { totalCount } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.models.totalCount).toBe(await count('MATCH (m:Model)'));
    expect(r.data.companies.totalCount).toBe(await count('MATCH (m:Company)'));
    const dated = await count(
      "MATCH (m:Model)-[:FILED_IN]->(:Region {key: '110000'}) WHERE m.filingDate >= '2024-01-01'",
    );
    expect(dated).toBeGreaterThan(0);
    expect(r.data.dated.totalCount).toBe(dated);
  });

  it('finds a company filter by key or name through the indexes, without reading every company', async () => {
    const [{ companies }] = await api.db.read({
      file: 'test/companies',
      text: 'MATCH (c:Company) RETURN count(c) AS companies',
    });
    expect(Number(companies)).toBeGreaterThan(50);
    for (const anchor of ['北京智谱华章科技有限公司', '北京百度网讯科技有限公司']) {
      const plan = listPlan(modelType, { company: anchor });
      const { summary, records } = await api.db.driver.executeQuery(
        `PROFILE ${cypher('entity/count', plan.slots).text}`,
        { where: plan.rest, anchor: plan.anchor, stored: null },
        { database: api.db.database },
      );
      expect(Number(records[0].get('total'))).toBeGreaterThan(0);
      let hits = 0;
      const visit = (op: any) => {
        hits += Number(op.dbHits);
        op.children.forEach(visit);
      };
      visit(summary.profile);
      expect(hits).toBeLessThan(Number(companies) / 2);
    }
    // An English name still finds its company (read from the companies).
    const r = await api.gql('{ models(where: { company: "Zhipu AI" }) { totalCount } }');
    expect(r.data.models.totalCount).toBeGreaterThan(0);
  });

  it('reads no page when a connection is asked only for its totalCount', async () => {
    const countsQuery = '{ models { totalCount } regions(first: 50) { nodes { key models { totalCount } } } }';
    const pagesQuery =
      '{ models(first: 1) { totalCount nodes { key } } regions(first: 50) { nodes { key models(first: 1) { totalCount nodes { key } } } } }';
    // Level by level (no look-ahead): the regions' models are counted, their pages never read.
    const apart = await testApi({ LOOK_AHEAD_LEVELS: '0' });
    try {
      const counts = await apart.gql(countsQuery);
      expect(counts.errors).toBeUndefined();
      expect(counts.files.filter((f: string) => f === 'entity/list').length).toBe(1); // the regions' page only
      expect(counts.files).not.toContain('entity/related');
      expect(counts.files).toContain('entity/related-count');
      const pages = await apart.gql(pagesQuery);
      expect(pages.files.filter((f: string) => f === 'entity/list').length).toBe(2);
      expect(pages.files).toContain('entity/related');
      expect(pages.data.models.totalCount).toBe(counts.data.models.totalCount);
      expect(pages.data.regions.nodes.map((n: any) => n.models.totalCount)).toEqual(
        counts.data.regions.nodes.map((n: any) => n.models.totalCount),
      );
      // Read ahead with the regions' page: the same counts, in the regions' statement (which then
      // holds counts only: tests/unit/prefetch.test.ts).
      const ahead = await api.gql(countsQuery);
      expect(ahead.data).toEqual(counts.data);
      expect(ahead.files.sort()).toEqual(['entity/count', 'entity/list']);
    } finally {
      await apart.close();
    }
  });

  it('reads a count under one anchor from the degree store, not model by model', async () => {
    const [{ key, size }] = await api.db.read({
      file: 'test/biggest-region',
      text: 'MATCH (g:Region) WITH g, COUNT { (g)<-[:FILED_IN]-() } AS size ORDER BY size DESC LIMIT 1 RETURN g.key AS key, size',
    });
    expect(Number(size)).toBeGreaterThan(5);
    const plan = listPlan(modelType, { region: key });
    const { summary, records } = await api.db.driver.executeQuery(
      `PROFILE ${cypher('entity/count', plan.slots).text}`,
      { where: plan.rest, anchor: plan.anchor, stored: 'anchor' },
      { database: api.db.database },
    );
    expect(Number(records[0].get('total'))).toBe(Number(size));
    let hits = 0;
    const visit = (op: any) => {
      hits += Number(op.dbHits);
      op.children.forEach(visit);
    };
    visit(summary.profile);
    // Finding the region reads the regions (a few hundred hits); reading its models would add about `size` more each.
    const { summary: read } = await api.db.driver.executeQuery(
      `PROFILE ${cypher('entity/count', plan.slots).text}`,
      { where: plan.rest, anchor: plan.anchor, stored: null },
      { database: api.db.database },
    );
    let readHits = 0;
    const visitRead = (op: any) => {
      readHits += Number(op.dbHits);
      op.children.forEach(visitRead);
    };
    visitRead(read.profile);
    expect(readHits - hits).toBeGreaterThan(Number(size));
  });
});
