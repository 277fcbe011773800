import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { EXAMPLE_OPERATIONS } from '../../src/http/ide';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

const ROOT = join(__dirname, '..', '..');
/** The README and every page of docs/. */
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => join('docs', f))].filter((f) =>
  f.endsWith('.md'),
);

/** Every query operation in the README's and docs' graphql blocks, as a reader would copy it (a block fenced ```graphql runs against this API; ```graphql subgraph or supergraph blocks are shown, not run). */
function readmeOperations(): string[] {
  const readme = PAGES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const operations: string[] = [];
  for (const block of blocks) {
    let current: string[] = [];
    for (const line of block.split('\n')) {
      if (/^(\{|query\b|mutation\b)/.test(line) && current.length) {
        operations.push(current.join('\n'));
        current = [];
      }
      if (!line.startsWith('#')) current.push(line);
    }
    if (current.join('').trim()) operations.push(current.join('\n'));
  }
  return operations.filter((o) => !/^\s*mutation\b/.test(o));
}

describe('every GraphiQL example runs from names, one per use of the API', () => {
  const names = parse(EXAMPLE_OPERATIONS).definitions.map((d: any) => d.name?.value as string);

  it('holds an example for each use: lookups, lists, statistics, search, paths, policies, links, feeds, asOf, changes', () => {
    expect(names).toEqual([
      'CompanyModels',
      'ResolveName',
      'Search',
      'ModelsFiledInBeijing',
      'ProvincesByFilings',
      'CompanyPolicies',
      'ShortestPaths',
      'CompanyIndustries',
      'Neighbourhood',
      'AsOf',
      'Changes',
    ]);
    // Names only: no example asks the reader for an id.
    expect(EXAMPLE_OPERATIONS).not.toMatch(/\$\w+: ID/);
  });

  it.each(names)('%s answers without errors, within the budget, with data', async (operationName) => {
    const r = await api.app.apollo.executeOperation(
      { query: EXAMPLE_OPERATIONS, operationName },
      { contextValue: api.app.context() },
    );
    if (r.body.kind !== 'single') throw new Error('unexpected incremental response');
    const { data, errors } = r.body.singleResult;
    expect(errors).toBeUndefined();
    for (const value of Object.values(data ?? {})) expect(value).not.toBeNull();
  });
});

describe('every README example runs as written (regression: natural questions were refused at the default page sizes)', () => {
  const operations = readmeOperations();

  it('finds the examples', () => {
    expect(operations.length).toBeGreaterThanOrEqual(12);
  });

  it.each(operations.map((o) => [o.replace(/\s+/g, ' ').slice(0, 90), o]))('%s', async (_title, operation) => {
    const ids = await api.gql('{ a: companyByName(name: "百度") { id } b: policyByName(name: "暂行办法") { id } }');
    const variables = { baidu: ids.data.a.id, measures: ids.data.b.id };
    const r = await api.gql(operation, variables);
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.cost?.requested).toBeLessThanOrEqual(r.extensions?.cost?.budget);
  });

  it('still refuses abuse at the defaults: five nested levels of lists', async () => {
    const r = await api.gql(
      '{ regions { nodes { companies { nodes { models { nodes { industries { nodes { promotedBy { nodes { name } } } } } } } } } } }',
    );
    expect(r.errors?.[0].extensions.code).toBe('COST_LIMIT_EXCEEDED');
  });
});
