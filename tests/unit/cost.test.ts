import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  isInterfaceType,
  isObjectType,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { analyzeOperation } from '../../src/cost/analyze';
import { needsPrice, PRICES, priceOf, weightOf } from '../../src/cost/prices';
import { POLICY_RULES_WEIGHT, SCAN_WEIGHT, TRAVERSAL_WEIGHTS } from '../../src/cost/weights';
import { apiSchema } from '../../src/graphql/schema';

const dir = join(__dirname, '..', '..', 'schema');
const typeDefsText = readdirSync(dir)
  .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)))
  .map((f) => readFileSync(join(dir, f), 'utf8'))
  .join('\n');
// The schema the server serves: the SDL as a Federation subgraph (_entities, _service included).
const schema = apiSchema();

function analyze(query: string, variables: Record<string, unknown> = {}) {
  const doc = parse(query);
  const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d) => d.kind === 'FragmentDefinition').map((d: any) => [d.name.value, d]),
  );
  return analyzeOperation(schema, op, fragments, variables);
}

describe('query cost before execution', () => {
  it('multiplies page sizes down each path and sums them (GitHub rule)', () => {
    const r = analyze(
      '{ companies(first: 50) { nodes { models(first: 10) { nodes { industries(first: 5) { nodes { name } } } } } } }',
    );
    expect(r.cost).toBe(50 + 50 * 10 + 50 * 10 * 5);
    expect(r.depth).toBe(7);
  });

  it('uses the default page size of 20 and variables', () => {
    expect(analyze('{ models { totalCount } }').cost).toBe(20);
    expect(analyze('query($n: Int) { models(first: $n) { nodes { name } } }', { n: 7 }).cost).toBe(7);
  });

  it('follows fragments and counts traversal limits', () => {
    const r = analyze(
      'query { ...F } fragment F on Query { regions(first: 3) { nodes { models(first: 4) { totalCount } } } }',
    );
    expect(r.cost).toBe(3 + 12);
    expect(analyze('{ neighborhood(id: "x", depth: 3, limit: 200) { totalNodes } }').cost).toBe(600 * 8);
    expect(analyze('{ shortestPaths(from: "a", to: "b", k: 5, maxHops: 6) { length } }').cost).toBe(35 * 300);
  });

  it('prices federation’s _entities by its representations, into the fragments on each member', () => {
    const reps = [
      { __typename: 'Company', id: 'a' },
      { __typename: 'Company', key: 'b' },
      { __typename: 'Model', key: 'c' },
    ];
    const r = analyze(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Company { models(first: 10) { totalCount } } } }',
      { r: reps },
    );
    expect(r.cost).toBe(3 + 3 * 10);
    expect(r.depth).toBe(3);
  });

  it('counts aliases and root fields, and reports pages over 100', () => {
    const r = analyze('{ a: models(first: 101) { totalCount } b: companies { totalCount } }');
    expect(r.aliases).toBe(2);
    expect(r.rootFields).toBe(2);
    expect(r.oversized).toEqual([{ path: 'a', argument: 'first', value: 101 }]);
  });

  it('is linear in the document: fragments that spread the next one twice per level (regression: 2^levels walk froze the server)', () => {
    const levels = 24;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { models(first: 1) { totalCount } }`
        : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    );
    const r = analyze(`query { ...F0 } ${fragments.join(' ')}`);
    // Every expansion still counts (2^23 spreads of a one-item page), but each fragment is walked once.
    expect(r.cost).toBe(2 ** (levels - 1));
    expect(r.rootFields).toBe(2 ** (levels - 1));
    expect(r.depth).toBe(2);
    expect(r.walked).toBe(1 + 2 * (levels - 1) + 2);
  });

  it('reports an oversized page inside a fragment with the fragment in its path, and survives fragment cycles', () => {
    expect(analyze('{ ...F } fragment F on Query { models(first: 500) { totalCount } }').oversized).toEqual([
      { path: '...F.models', argument: 'first', value: 500 },
    ]);
    expect(
      analyze('{ ...A } fragment A on Query { ...B models(first: 2) { totalCount } } fragment B on Query { ...A }')
        .cost,
    ).toBe(2);
  });

  it('weights traversals by their measured database work (regression: 20 x shortestPaths(k: 10, maxHops: 6) priced 1,400 ran 5.2 s)', () => {
    const aliases = Array.from(
      { length: 20 },
      (_, i) => `p${i}: shortestPaths(from: "a", to: "b", k: 10, maxHops: 6) { length }`,
    ).join(' ');
    expect(analyze(`{ ${aliases} }`).cost).toBe(20 * 70 * 300);
    expect(analyze(`{ ${aliases} }`).cost).toBeGreaterThan(50_000);
    // A nested list of the same price touches ten thousand index entries in milliseconds.
    expect(analyze('{ companies(first: 100) { nodes { models(first: 100) { nodes { name } } } } }').cost).toBe(10_100);
  });
});

describe('field sizes and the walk (each priced field, each rule)', () => {
  it.each([
    ['{ search(text: "a", first: 7) { score } }', 7],
    ['{ unmatchedNames(first: 9) { entity { id } } }', 9],
    ['{ links(from: "x", targetType: POLICY, first: 5, maxHops: 2) { score } }', 5 * 3],
    ['{ companyPolicies(company: "x", first: 4, maxHops: 3, walk: UNRESTRICTED) { score } }', 4 * 4],
    ['{ shortestPath(from: "a", to: "b", maxHops: 5) { length } }', 6],
    ['{ shortestPaths(from: "a", to: "b", k: 2, maxHops: 3) { length } }', 2 * 4],
    ['{ neighborhood(id: "x", depth: 2, limit: 10) { totalNodes } }', 20],
    ['{ subgraph(ids: ["a", "b", "c"]) { totalNodes } }', 3],
    ['{ changes(from: "2024-01-01", to: "2024-02-01", first: 10) { filingCount } }', 30],
  ])('%s is priced at the items it may return', (query, size) => {
    const r = analyze(query);
    const field = (query.match(/\{ (\w+)/) as RegExpMatchArray)[1] as keyof typeof TRAVERSAL_WEIGHTS;
    expect(r.cost).toBe(size > 1 ? size * (TRAVERSAL_WEIGHTS[field] ?? 1) : 0);
  });

  it("prices a company's policies by rule as one batched read per link, wherever they are asked for", () => {
    expect(analyze('{ companyPolicies(company: "x", first: 4, maxHops: 3) { score } }').cost).toBe(
      4 * POLICY_RULES_WEIGHT,
    );
    // Query.policies stays a connection priced as a list; Company.policies is priced by rule.
    expect(analyze('{ policies(first: 5) { nodes { name } } }').cost).toBe(5);
    expect(analyze('{ companies(first: 10) { nodes { policies(first: 3) { score } } } }').cost).toBe(
      10 + 10 * 3 * POLICY_RULES_WEIGHT,
    );
  });

  it('prices filters that read every candidate by what they read (regression: 20 substring searches priced 2,000)', () => {
    const list = (where: string, fields = 'nodes { name }') => `{ models(first: 100, where: ${where}) { ${fields} } }`;
    expect(analyze(list('{ region: "北京" }')).cost).toBe(100);
    expect(analyze(list('{ nameContains: "智" }')).cost).toBe(100 + SCAN_WEIGHT);
    expect(analyze(list('{ nameContains: "  " }')).cost).toBe(100);
    // A date range costs a scan only when counted.
    expect(analyze(list('{ filedFrom: "2024-01-01" }')).cost).toBe(100);
    expect(analyze(list('{ filedFrom: "2024-01-01" }', 'totalCount')).cost).toBe(100 + SCAN_WEIGHT);
    const twenty = Array.from(
      { length: 20 },
      (_, i) => `m${i}: models(first: 100, where: { nameContains: "智${i}" }) { totalCount }`,
    );
    expect(analyze(`{ ${twenty.join(' ')} }`).cost).toBeGreaterThan(50_000);
  });

  it('counts a field inside an inline fragment, with its aliases and oversized pages', () => {
    const r = analyze(
      '{ ... on Query { a: models(first: 101) { totalCount } b: companies(first: 100) { totalCount } } }',
    );
    expect(r.aliases).toBe(2);
    expect(r.oversized).toEqual([{ path: 'a', argument: 'first', value: 101 }]);
    expect(r.cost).toBe(101 + 100);
  });

  it('prices a mutation from the mutation root and an unknown field as nothing', () => {
    expect(analyze('mutation { deleteEntity(id: "x") }').rootFields).toBe(1);
    expect(analyze('{ nope { x } }').cost).toBe(analyze('{ __typename }').cost);
  });

  it('reports at most ten oversized pages, nested ones included, and counts nested aliases', () => {
    const fields = Array.from(
      { length: 12 },
      (_, i) => `c${i}: companies(first: 200) { nodes { m${i}: models(first: 300) { totalCount } } }`,
    );
    const r = analyze(`{ ${fields.join(' ')} }`);
    expect(r.oversized).toHaveLength(10);
    expect(r.oversized[0]).toEqual({ path: 'c0', argument: 'first', value: 200 });
    expect(r.oversized[1]).toEqual({ path: 'c0.nodes.m0', argument: 'first', value: 300 });
    expect(r.aliases).toBe(24);
  });
});

describe('prices are declared once, for every field that returns many', () => {
  const fields = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith('__') && (isObjectType(t) || isInterfaceType(t)))
    .flatMap((t) =>
      Object.values((t as GraphQLObjectType | GraphQLInterfaceType).getFields()).map((f) => ({ type: t as any, f })),
    );

  it('prices every list field and every field with a sizing argument (a new traversal cannot ship priced at 1)', () => {
    const needing = fields.filter(({ f }) => needsPrice(f));
    // The schema has such fields on many types; an empty walk would prove nothing.
    expect(needing.length).toBeGreaterThan(60);
    const unpriced = needing
      .filter(({ type, f }) => !priceOf(type, f.name))
      .map(({ type, f }) => `${type.name}.${f.name}`);
    expect(unpriced).toEqual([]);
  });

  it('has no entry for a field the schema does not have (a renamed field keeps no stale price)', () => {
    const known = new Set(fields.map(({ type, f }) => `${type.name}.${f.name}`));
    expect(Object.keys(PRICES).filter((k) => !known.has(k))).toEqual([]);
  });

  it('gives routes outside GraphQL the same weights (the /graph export prices a neighbourhood as the query does)', () => {
    expect(weightOf('Query.neighborhood')).toBe(TRAVERSAL_WEIGHTS.neighborhood);
    expect(weightOf('Query.nope')).toBe(1);
  });

  it('says why each list priced as one item is bounded', () => {
    for (const [key, price] of Object.entries(PRICES))
      if (typeof price !== 'function') expect({ key, why: price.bounded.length > 10 }).toEqual({ key, why: true });
  });

  it('prices an unlisted field that sizes its result: a sketch of a new traversal', () => {
    const grown = buildSchema(`${typeDefsText}\nextend type Query { reach(id: ID!, depth: Int = 3): [Model!] }`);
    const reach = grown.getQueryType()!.getFields().reach;
    expect(needsPrice(reach)).toBe(true);
    expect(priceOf(grown.getQueryType()!, 'reach')).toBeUndefined();
  });
});
