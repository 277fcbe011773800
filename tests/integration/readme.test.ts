import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

/** Every query operation in the README's graphql blocks, as a reader would copy it. */
function readmeOperations(): string[] {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
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
