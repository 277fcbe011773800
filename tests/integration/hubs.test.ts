import { cypher } from '../../src/db/cypher';
import { toGlobalId } from '../../src/graph/ids';
import { HUB_GROUP } from '../../src/walk/walk';
import { type TestApi, testApi } from '../support/api';

/**
 * Walks on a graph with a hub (keys start with t15-, removed afterwards): a city where 3,000
 * companies are based, three times the size of a hub group, and a few specific things.
 *
 *   甲公司 -BASED_IN-> 市 <-BASED_IN- 乙公司, and 3,000 more companies -BASED_IN-> 市
 *   甲公司 -DEVELOPS-> 甲模型 -SERVES-> 行业 <-PROMOTES- 行业政策;  市政策 -APPLIES_TO-> 市
 */
const MEMBERS = 3000;
let api: TestApi;
const id = (label: string, key: string) => toGlobalId(label, `t15-${key}`);

beforeAll(async () => {
  api = await testApi();
  await api.db.write(
    {
      file: 'test/hub-graph',
      text: `
      CREATE (city:Region {key: 't15-市', name: 't15-市'}), (i:Industry {key: 't15-行业', name: 't15-行业'})
      CREATE (a:Company {key: 't15-甲公司', name: 't15-甲公司'})-[:BASED_IN]->(city),
             (b:Company {key: 't15-乙公司', name: 't15-乙公司'})-[:BASED_IN]->(city),
             (a)-[:DEVELOPS]->(m:Model {key: 't15-甲模型', name: 't15-甲模型'})-[:SERVES]->(i),
             (:Policy {key: 't15-市政策', name: 't15-市政策'})-[:APPLIES_TO]->(city),
             (:Policy {key: 't15-行业政策', name: 't15-行业政策'})-[:PROMOTES]->(i)
      WITH city
      UNWIND range(1, $members) AS k
      CREATE (:Company {key: 't15-成员' + k, name: 't15-成员' + k})-[:BASED_IN]->(city)`,
    },
    { members: MEMBERS },
  );
});
afterAll(async () => {
  await api.db.write({ file: 'test/hub-graph', text: "MATCH (n) WHERE n.key STARTS WITH 't15-' DETACH DELETE n" });
  await api.close();
});

describe('walks never expand a hub group, and still find what passes through a hub', () => {
  it('the city is a hub: its group of companies is bigger than a hub group', async () => {
    const [row] = await api.db.read({
      file: 'test/hub-degree',
      text: "MATCH (c:Region {key: 't15-市'}) RETURN COUNT { (c)<-[:BASED_IN]-() } AS n",
    });
    expect(Number(row.n)).toBeGreaterThan(HUB_GROUP);
  });

  it('finds a path that meets at the hub from both sides, without expanding it', async () => {
    const r = await api.gql('query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length explanation } }', {
      a: id('Company', '甲公司'),
      b: id('Company', '乙公司'),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.shortestPath).toEqual({ length: 2, explanation: 't15-甲公司 -位于-> t15-市 <-位于- t15-乙公司' });
    const toPolicy = await api.gql('query($a: ID!, $b: ID!) { shortestPath(from: $a, to: $b) { length } }', {
      a: id('Company', '甲公司'),
      b: id('Policy', '市政策'),
    });
    expect(toPolicy.data.shortestPath.length).toBe(2);
  });

  it('links a company to the policy of its hub city and to the policy of its industry', async () => {
    const r = await api.gql('query($a: ID!) { companyPolicies(company: $a) { target { name } path { length } } }', {
      a: id('Company', '甲公司'),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.companyPolicies.map((l: any) => [l.target.name, l.path.length]).sort()).toEqual([
      ['t15-市政策', 2],
      ['t15-行业政策', 3],
    ]);
  });

  it('a neighbourhood of the hub takes at most `limit` of its members and says it is truncated', async () => {
    const r = await api.gql(
      'query($c: ID!) { neighborhood(id: $c, depth: 1, limit: 50) { nodes { id } truncated totalNodes } }',
      {
        c: id('Region', '市'),
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.neighborhood.nodes).toHaveLength(50);
    expect(r.data.neighborhood.truncated).toBe(true);
    // The centre, at most 50 of its 3,002 companies, and its policy: never the whole group.
    expect(r.data.neighborhood.totalNodes).toBeGreaterThanOrEqual(50);
    expect(r.data.neighborhood.totalNodes).toBeLessThanOrEqual(52);
  });

  it('reads a bounded part of the hub, whatever its size (PROFILE of the first level)', async () => {
    const statement = cypher('walk/start', { toEnd: 'walk/to-none', asOf: 'graph/any-time' });
    const params = {
      fromLabel: 'Region',
      from: 't15-市',
      toLabel: 'Region',
      to: '',
      maxTargets: 200,
      types: ['BASED_IN', 'APPLIES_TO', 'DEVELOPS', 'SERVES', 'PROMOTES'],
      labels: ['Company', 'Policy', 'Region', 'Model', 'Industry'],
      asOf: null,
      hub: HUB_GROUP,
      take: 50,
      peer: '',
      keepKeys: ['t15-市'],
      sampleEnds: false,
      deeperA: false,
      deeperB: false,
      stopAt: 2 ** 31 - 1,
      deeperSmaller: false,
      smallRing: 200,
      rows: 20_000,
    };
    const { summary, records } = await api.db.driver.executeQuery(`PROFILE ${statement.text}`, params, {
      database: api.db.database,
    });
    let hits = 0;
    const visit = (op: any) => {
      hits += Number(op.dbHits);
      op.children.forEach(visit);
    };
    visit(summary.profile);
    expect(records.length).toBeLessThanOrEqual(53);
    // Reading the group whole costs more than two hits per member.
    expect(hits).toBeLessThan(MEMBERS / 3);
  });

  it('reads properties, degrees and relationship properties only when a query selects them', async () => {
    const q = (fields: string) =>
      api.gql(`query($c: ID!) { neighborhood(id: $c, depth: 1) { ${fields} } }`, { c: id('Company', '甲公司') });
    const ids = await q('nodes { id } edges { id }');
    const withDegrees = await q('nodes { id degree } edges { id }');
    const withEdgeProperties = await q('nodes { id } edges { id properties }');
    expect(ids.errors).toBeUndefined();
    // The city: 3,002 companies and a policy, read from the degree store.
    expect(withDegrees.data.neighborhood.nodes.find((n: any) => n.degree === MEMBERS + 3)).toBeDefined();
    // First level, then the outer ring's relationships (and whatever the query selected of the nodes), then edge properties.
    expect(ids.roundTrips).toBe(2);
    expect(withDegrees.roundTrips).toBe(2);
    expect(withEdgeProperties.roundTrips).toBe(3);
  });

  it('counts the outermost ring in the database when the nearer rings fill the feed, with the same total', async () => {
    const q = (fields: string) =>
      api.gql(`query($c: ID!) { neighborhood(id: $c, depth: 2, limit: 5) { ${fields} } }`, {
        c: toGlobalId('Region', '110000'),
      });
    const counted = await q('nodes { id } totalNodes');
    const walked = await q('nodes { id } totalNodes totalEdges');
    expect(counted.errors).toBeUndefined();
    expect(counted.files).toContain('walk/ring-count');
    expect(walked.files).not.toContain('walk/ring-count');
    expect(counted.data.neighborhood.totalNodes).toBe(walked.data.neighborhood.totalNodes);
    expect(counted.data.neighborhood.nodes).toEqual(walked.data.neighborhood.nodes);
    expect(counted.data.neighborhood.totalNodes).toBeGreaterThan(5);
  });
});

/** The database hits of one operation, its reads under PROFILE (as the db-hits guard measures). */
async function profiled(query: string, variables: Record<string, unknown>, on: TestApi = api) {
  const context = on.app.context(null);
  context.meter.profile = true;
  const r = await on.app.apollo.executeOperation({ query, variables }, { contextValue: context });
  if (r.body.kind !== 'single') throw new Error('unexpected incremental response');
  expect(r.body.singleResult.errors).toBeUndefined();
  return { data: r.body.singleResult.data as any, dbHits: context.meter.dbHits };
}

describe('walks at scale stay bounded (issue 24)', () => {
  it("links towards a label do not sample every target's hub group (regression: links to REGION read 1,000 members of each region)", async () => {
    // 乙公司 is based in the hub city: links towards every Region walk from both sides, and the
    // city, a target, used to take 1,000 of its 3,002 companies.
    // Over BASED_IN alone, so the rest of the graph adds little: what is read is the regions'
    // groups of companies, the hub's never (taking 1,000 members costs more than 3 hits each).
    const q =
      'query($a: ID!) { links(from: $a, targetType: REGION, first: 5, filter: { allowedRelationships: [BASED_IN] }) { target { key } score path { length } } }';
    const { data, dbHits } = await profiled(q, { a: id('Company', '乙公司') });
    expect(data.links.find((l: any) => l.target.key === 't15-市')?.path.length).toBe(1);
    expect(dbHits).toBeLessThan(MEMBERS / 3);
  });

  it('a walk reads at most MAX_WALK_ROWS relationships and says its answer is truncated', async () => {
    const small = await testApi({ MAX_WALK_ROWS: '300' });
    try {
      const q = 'query($c: ID!) { neighborhood(id: $c, depth: 2, limit: 500) { nodes { id } truncated totalNodes } }';
      const capped = await small.gql(q, { c: id('Region', '市') });
      const whole = await api.gql(q, { c: id('Region', '市') });
      expect(capped.errors).toBeUndefined();
      expect(whole.errors).toBeUndefined();
      // Uncapped: the centre's first 500 companies and their neighbours; capped: what 300 relationships reach.
      expect(whole.data.neighborhood.nodes).toHaveLength(500);
      expect(capped.data.neighborhood.truncated).toBe(true);
      expect(capped.data.neighborhood.totalNodes).toBeLessThanOrEqual(301);
      expect(capped.data.neighborhood.nodes.length).toBeGreaterThan(100);
    } finally {
      await small.close();
    }
  });

  it('runs at most MAX_WALKS walks at once; one that waits past QUEUE_WAIT_MS is refused SERVICE_UNAVAILABLE, naming why', async () => {
    const one = await testApi({ MAX_WALKS: '1', QUEUE_WAIT_MS: '100' });
    try {
      // Something else holds the only turn for a while.
      let release: () => void = () => {};
      const held = one.db.walk(undefined, () => new Promise<void>((r) => (release = r)));
      const r = await one.gql('query($a: ID!) { links(from: $a, targetType: MODEL) { score } }', {
        a: id('Company', '甲公司'),
      });
      expect(r.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(r.errors?.[0].message).toMatch(/busy.*traversals.*retry/);
      expect(r.roundTrips).toBe(0);
      release();
      await held;
      const again = await one.gql('query($a: ID!) { links(from: $a, targetType: MODEL) { score } }', {
        a: id('Company', '甲公司'),
      });
      expect(again.errors).toBeUndefined();
    } finally {
      await one.close();
    }
  });
});
