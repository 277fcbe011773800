import { createHash } from 'node:crypto';
import { cypher } from '../../src/db/cypher';
import { loadDefaultData } from '../../src/setup/default-data';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

/** Sorted keys, so property order does not matter; sorted lines, so row order does not. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

async function fingerprint() {
  const rows = await api.db.read(cypher('load/fingerprint'));
  const lines = rows.map((r) => `${r.kind}${canonical(r.item)}`).sort();
  return {
    nodes: rows.filter((r) => r.kind === 'node').length,
    rels: rows.filter((r) => r.kind === 'rel').length,
    checksum: createHash('sha256').update(lines.join('\n')).digest('hex'),
  };
}

describe('loading', () => {
  it('leaves the graph identical when run again (counts and a checksum of every property)', async () => {
    const before = await fingerprint();
    await loadDefaultData(api.db);
    const after = await fingerprint();
    expect(after).toEqual(before);
    expect(Number(before.nodes)).toBeGreaterThan(250);
    expect(Number(before.rels)).toBeGreaterThan(300);
  });

  it('gives every entity and relationship at least one source', async () => {
    const [row] = await api.db.read(cypher('load/unsourced'));
    expect(row).toEqual({ nodes: 0, rels: 0 });
  });
});
