import { execute, type GraphQLResolveInfo, parse } from 'graphql';
import { compose } from '../../src/db/cypher';
import { nestedRead, type Prefetch, prefetchPlan } from '../../src/entity/prefetch';
import { projectionSlots, WHOLE_ROWS } from '../../src/entity/projection';
import { apiSchema } from '../../src/graphql/schema';

/** The plan the `companies` list would read ahead for a query, taken from its own resolve info. */
async function planOf(query: string, levels = 4, variables?: Record<string, unknown>): Promise<Prefetch[]> {
  const schema = apiSchema();
  let plan: Prefetch[] = [];
  const field = schema.getQueryType()?.getFields().companies;
  if (!field) throw new Error('no companies field');
  const resolve = field.resolve;
  field.resolve = (_p, _a, _c, info: GraphQLResolveInfo) => {
    plan = prefetchPlan(info, 'Company', levels);
    return { edges: [], nodes: [], pageInfo: {}, totalCount: () => 0 };
  };
  try {
    await execute({ schema, document: parse(query), variableValues: variables, contextValue: {} });
  } finally {
    field.resolve = resolve;
  }
  return plan;
}

const shape = (plan: Prefetch[]): unknown =>
  plan.map((p) => [`${p.parent}.${p.relation.type}`, p.page.limit, p.rows, p.total, shape(p.children)]);

describe('look-ahead: what a list reads with its page', () => {
  it('plans the nested connections a query selects, through nodes, edges, fragments and aliases', async () => {
    const plan = await planOf(
      `query Q($n: Int) { companies { edges { node { ...F } } nodes { regions { totalCount } } } }
      fragment F on Company { a: models(first: $n) { nodes { ... on Model { industries(first: 2) { nodes { name } } } } } }`,
      4,
      { n: 7 },
    );
    expect(shape(plan)).toEqual([
      ['Company.DEVELOPS', 7, true, false, [['Model.SERVES', 2, true, false, []]]],
      ['Company.BASED_IN', 10, false, true, []],
    ]);
  });

  it('leaves out what it must not read: refused arguments, fields with resolvers of their own, levels past the limit', async () => {
    expect(await planOf('{ companies { nodes { models(first: 1000) { nodes { name } } } } }')).toEqual([]);
    expect(await planOf('{ companies { nodes { policies { score } models { __typename } } } }')).toEqual([]);
    const deep = '{ companies { nodes { models { nodes { industries { nodes { models { nodes { name } } } } } } } } }';
    expect(shape(await planOf(deep, 2))).toEqual([
      ['Company.DEVELOPS', 10, true, false, [['Model.SERVES', 10, true, false, []]]],
    ]);
    expect(await planOf(deep, 0)).toEqual([]);
  });

  it('reads only counts for a connection asked only for its totalCount, each level with parameters of its own', async () => {
    const counts = nestedRead(await planOf('{ companies { nodes { models { totalCount } } } }'));
    const text = counts.parts.map((p) => p.text).join('\n');
    expect(text).toContain('COUNT {');
    expect(text).not.toContain('ORDER BY');
    expect(counts.nested).toBe('{t0: t0}');
    const nested = nestedRead(
      await planOf(
        '{ companies { nodes { models(first: 3, where: { nameContains: "x" }) { nodes { industries { totalCount } } } } } }',
      ),
    );
    expect(nested.params).toEqual({
      c0_where: { nameContains: 'x' },
      c0_after: null,
      c0_limit: 4,
      c0_c0_where: {},
      c0_c0_stored: true,
    });
    const statement = compose(
      'entity/list',
      { ...slotsForCompanies, nested: nested.nested },
      { parts: { children: nested.parts } },
    );
    // Every parameter the statement names is one the read gives (or the list's own).
    const named = new Set([...statement.text.matchAll(/\$(\w+)/g)].map((m) => m[1]));
    expect([...named].filter((n) => !(n in nested.params)).sort()).toEqual(['after', 'limit', 'where']);
  });
});

const slotsForCompanies = {
  ...projectionSlots(WHOLE_ROWS),
  label: 'Company',
  where: 'company/where',
  probe: 'entity/probe-none',
  anchorPattern: '(n:Company)--(a)',
  scan: 'entity/scan',
  tail: 'false',
  tailTest: 'false',
  anchored: 'anchors IS NOT NULL',
  scanRange: 'true',
  scanOrder: 'n.name ASC, n.key ASC',
  sort: 'n.name',
  dir: 'ASC',
  cmp: '>',
};
