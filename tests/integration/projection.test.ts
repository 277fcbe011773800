import {
  type GraphQLField,
  type GraphQLObjectType,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { RELATION, type RelationResolver } from '../../src/entity/prefetch';
import { toGlobalId } from '../../src/graph/ids';
import { ENTITY_LABELS } from '../../src/graph/vocabulary';
import { apiSchema } from '../../src/graphql/schema';
import { type TestApi, testApi } from '../support/api';

/**
 * Page rows carry only what their selected fields need (src/entity/projection.ts): each field
 * of every entity type, selected alone under a list page and under a nested page, must answer
 * what the same node's lookup answers (a lookup reads whole rows). A field whose resolver reads
 * a property it does not declare answers differently here.
 */
let api: TestApi;
beforeAll(async () => {
  api = await testApi();
});
afterAll(() => api.close());

/** The served schema's types, built as the server builds them (its marks included). */
const served = apiSchema();
const schema = () => served;

/** A small selection of a field: leaves as they are, a connection's first nodes' keys, an object's first leaf. */
function selection(field: GraphQLField<unknown, unknown>): string | null {
  if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return null;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!isObjectType(type)) return `${field.name} { __typename }`;
  const fields = type.getFields();
  if (fields.nodes) return `${field.name}(first: 2) { totalCount nodes { key } }`;
  const leaf = Object.values(fields).find((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
  return `${field.name} { ${leaf ? leaf.name : '__typename'} }`;
}

/** The root list and lookup of a label: the Query fields returning its connection and it by id. */
function rootFields(label: string): { list: string; lookup: string } {
  const query: Record<string, GraphQLField<unknown, unknown>> = schema().getQueryType()?.getFields() ?? {};
  const list = Object.values(query).find((f) => getNamedType(f.type).name === `${label}Connection`);
  const lookup = Object.values(query).find(
    (f) => getNamedType(f.type).name === label && f.args.length === 1 && f.args[0].name === 'id',
  );
  if (!list || !lookup) throw new Error(`no list or lookup for ${label}`);
  return { list: list.name, lookup: lookup.name };
}

/** A relationship connection of some entity type whose nodes are `label`s, with its parent's list. */
function relationTo(label: string): { parentList: string; field: string } | null {
  for (const parent of ENTITY_LABELS) {
    const type = schema().getType(parent) as GraphQLObjectType;
    for (const field of Object.values(type.getFields())) {
      const marked = (field.extensions as RelationResolver)[RELATION];
      if (marked?.relation.target.label === label) return { parentList: rootFields(parent).list, field: field.name };
    }
  }
  return null;
}

/** Each row's answer for the selection, beside what looking its node up by id answers. */
async function againstLookups(label: string, rows: { key: string }[], sel: string) {
  if (rows.length === 0) return [];
  const { lookup } = rootFields(label);
  const aliased = rows.map((r, i) => `a${i}: ${lookup}(id: "${toGlobalId(label, r.key)}") { key ${sel} }`);
  const looked = await api.gql(`{ ${aliased.join(' ')} }`);
  expect(looked.errors).toBeUndefined();
  return rows.map((_r, i) => looked.data[`a${i}`]);
}

describe('page rows carry what their fields need', () => {
  it.each([...ENTITY_LABELS])(
    '%s: every field alone, on a list page and a nested page, answers as its lookup does',
    async (label) => {
      const type = schema().getType(label) as GraphQLObjectType;
      const { list } = rootFields(label);
      const nested = relationTo(label);
      let compared = 0;
      // Fields alone; the connections (which need the key only) all in one selection, since each
      // new nested shape is a statement Neo4j plans (about a second each here).
      const fields = Object.values(type.getFields());
      const alone = fields.map(selection).filter((sel): sel is string => sel !== null && !sel.includes('nodes {'));
      const connections = fields.map(selection).filter((sel): sel is string => sel?.includes('nodes {') === true);
      for (const sel of [...alone, connections.join(' ')]) {
        const page = await api.gql(`{ ${list}(first: 6) { nodes { key ${sel} } } }`);
        expect([sel, page.errors]).toEqual([sel, undefined]);
        const rows = page.data[list].nodes;
        expect([sel, rows]).toEqual([sel, await againstLookups(label, rows, sel)]);
        compared += rows.length;
        if (!nested || sel.includes('nodes {')) continue;
        const deep = await api.gql(
          `{ ${nested.parentList}(first: 8) { nodes { ${nested.field}(first: 3) { nodes { key ${sel} } } } } }`,
        );
        expect([sel, deep.errors]).toEqual([sel, undefined]);
        const under = deep.data[nested.parentList].nodes.flatMap((p: any) => p[nested.field].nodes);
        expect([sel, under]).toEqual([sel, await againstLookups(label, under, sel)]);
        compared += under.length;
      }
      expect(compared).toBeGreaterThan(10);
    },
  );

  it('serves one page to two selections of it in one request, each with what it needs', async () => {
    const { data, errors, roundTrips } = await api.gql(`{
      companies(first: 5) { nodes { key
        light: models(first: 3) { nodes { key name } }
        whole: models(first: 3) { nodes { key name aliases } edges { relationship { type properties } } }
      } }
    }`);
    expect(errors).toBeUndefined();
    // Both pages read with the list, in one statement.
    expect(roundTrips).toBe(1);
    const withModels = data.companies.nodes.filter((c: any) => c.whole.nodes.length > 0);
    expect(withModels.length).toBeGreaterThan(0);
    for (const c of data.companies.nodes) {
      expect(c.light.nodes).toEqual(c.whole.nodes.map((m: any) => ({ key: m.key, name: m.name })));
      for (const e of c.whole.edges) expect(e.relationship.type).toBe('DEVELOPS');
    }
    expect(withModels.some((c: any) => c.whole.nodes.some((m: any) => m.aliases.length > 0))).toBe(true);
  });
});
