import { execute, type GraphQLResolveInfo, isObjectType, parse } from 'graphql';
import { cypher } from '../../src/db/cypher';
import { type Prefetch, prefetchPlan } from '../../src/entity/prefetch';
import { type Projection, projection, projectionSlots, READS, WHOLE_ROWS } from '../../src/entity/projection';
import { apiSchema } from '../../src/graphql/schema';

/** What the `companies` list would read for a query (its rows' projection and its look-ahead plan), from its own resolve info. */
async function readOf(query: string, schema = apiSchema()): Promise<{ rows: Projection; plan: Prefetch[] }> {
  let out: { rows: Projection; plan: Prefetch[] } | null = null;
  const field = schema.getQueryType()?.getFields().companies;
  if (!field) throw new Error('no companies field');
  field.resolve = (_p, _a, _c, info: GraphQLResolveInfo) => {
    out = {
      rows: projection(info, 'Company', [info.fieldNodes[0].selectionSet]),
      plan: prefetchPlan(info, 'Company', 4),
    };
    return { edges: [], nodes: [], pageInfo: {}, totalCount: () => 0 };
  };
  const result = await execute({ schema, document: parse(query), contextValue: {} });
  if (!out) throw new Error(`companies was not resolved: ${JSON.stringify(result.errors)}`);
  return out;
}

const LIGHT_COMPANY = ['key', 'name', 'nameEn'];

describe('projection: what a page reads of its rows', () => {
  it('reads the light row when every selected field fits it, through nodes, edges, fragments and aliases', async () => {
    for (const query of [
      '{ companies { nodes { name } } }',
      '{ companies { nodes { id key nameEn __typename } } }',
      '{ companies { edges { cursor node { ...F } } } } fragment F on Company { n: name ... on Company { id } }',
      // Relationship connections read by their own statements need the key only.
      '{ companies { nodes { models { totalCount } policies { score } claims { id } } } }',
    ]) {
      const { rows } = await readOf(query);
      expect([query, rows]).toEqual([query, { properties: LIGHT_COMPANY, relationship: false }]);
    }
  });

  it('reads whole rows for a stored list (aliases, sources), and relationships only when an edge selects one', async () => {
    expect((await readOf('{ companies { nodes { name aliases } } }')).rows).toEqual({
      properties: null,
      relationship: false,
    });
    expect((await readOf('{ companies { nodes { sources { key } } } }')).rows.properties).toBeNull();
    expect((await readOf('{ companies { edges { relationship { type } node { name } } } }')).rows).toEqual({
      properties: LIGHT_COMPANY,
      relationship: true,
    });
  });

  it('reads whole rows when a selected field does not say what it reads', async () => {
    const schema = apiSchema();
    const company = schema.getType('Company');
    if (!isObjectType(company)) throw new Error('no Company type');
    const name = company.getFields().name;
    name.extensions = { ...name.extensions, [READS]: undefined };
    expect((await readOf('{ companies { nodes { name } } }', schema)).rows.properties).toBeNull();
    // Nor is it in the type's light row any more.
    expect((await readOf('{ companies { nodes { nameEn } } }', schema)).rows.properties).toEqual(['key', 'nameEn']);
  });

  it('plans each nested page with its own projection', async () => {
    const { plan } = await readOf(
      '{ companies { nodes { models(first: 2) { nodes { name industries(first: 1) { edges { relationship { type } node { aliases } } } } } } } }',
    );
    expect(plan[0].projection).toEqual({
      properties: [
        'filingBatch',
        'filingDate',
        'filingNumber',
        'filingSeq',
        'filingType',
        'key',
        'name',
        'nameEn',
        'nameGiven',
        'sourceNote',
      ],
      relationship: false,
    });
    expect(plan[0].children[0].projection).toEqual({ properties: null, relationship: true });
  });

  it('gives every entity type two row shapes at most, so callers cannot make each request a new plan', async () => {
    const shapes = new Set<string>();
    for (const fields of ['name', 'key', 'id name', 'nameEn id key', 'aliases', 'sources { key }', 'name aliases'])
      shapes.add(JSON.stringify((await readOf(`{ companies { nodes { ${fields} } } }`)).rows.properties));
    expect(shapes.size).toBe(2);
  });

  it('fills the statement slots with property names quoted, or all of them', () => {
    const light = projectionSlots({ properties: ['key', 'name'], relationship: false });
    expect(light).toEqual({ props: '.`key`, .`name`', rel: '{__type: type(r)}' });
    expect(projectionSlots(WHOLE_ROWS)).toEqual({ props: '.*', rel: 'r {.*, __type: type(r)}' });
    // Both pass the statement builder's slot check.
    expect(
      cypher('entity/related-page', {
        of: 'p',
        rows: 'rows',
        pattern: '-[r:DEVELOPS]->',
        label: 'Model',
        where: 'entity/where',
        sort: 'n.name',
        dir: 'ASC',
        cmp: '>',
        nested: 'null',
        ...light,
      }).text,
    ).toContain('n { .`key`, .`name`,');
  });
});
