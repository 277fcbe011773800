import type { Database } from '../../src/db/database';
import { QueryMeter } from '../../src/db/database';
import { DerivedCache } from '../../src/db/derived-cache';

/** The statistics cache stays bounded whatever keys clients choose (regression: one entry per changes() window, never evicted, crashed the server). */
const graph = (version = { n: 1 }) => ({ version: async () => version.n }) as unknown as Database;

describe('derived-figures cache', () => {
  it('holds at most maxEntries, dropping the least recently used', async () => {
    const cache = new DerivedCache(3, 1_000_000);
    const db = graph();
    const meter = new QueryMeter();
    let computed = 0;
    const get = (k: string) => cache.get(db, meter, k, async () => ({ k, n: ++computed }));
    for (const k of ['a', 'b', 'c']) await get(k);
    await get('a'); // a is now the most recently used
    await get('d'); // b goes
    expect(cache.size().entries).toBe(3);
    const before = computed;
    await get('a');
    await get('c');
    await get('d');
    expect(computed).toBe(before);
    await get('b');
    expect(computed).toBe(before + 1);
  });

  it('holds at most maxChars of JSON, and never a value larger than that', async () => {
    const cache = new DerivedCache(1000, 200);
    const db = graph();
    const meter = new QueryMeter();
    for (let i = 0; i < 50; i++) await cache.get(db, meter, `window-${i}`, async () => 'x'.repeat(40));
    expect(cache.size().chars).toBeLessThanOrEqual(200);
    expect(cache.size().entries).toBeLessThan(50);
    await cache.get(db, meter, 'huge', async () => 'y'.repeat(1000));
    expect(cache.size().chars).toBeLessThanOrEqual(200);
  });

  it('recomputes after a write changed the graph', async () => {
    const version = { n: 1 };
    const cache = new DerivedCache();
    const db = graph(version);
    const meter = new QueryMeter();
    expect(await cache.get(db, meter, 'k', async () => 1)).toBe(1);
    expect(await cache.get(db, meter, 'k', async () => 2)).toBe(1);
    version.n = 2;
    expect(await cache.get(db, meter, 'k', async () => 3)).toBe(3);
  });

  it('10,000 distinct windows from clients stay within the default bounds', async () => {
    const cache = new DerivedCache();
    const db = graph();
    const meter = new QueryMeter();
    const row = { filings: Array.from({ length: 20 }, (_, i) => ({ name: `模型${i}`, filingDate: '2024-01-01' })) };
    for (let i = 0; i < 10_000; i++) await cache.get(db, meter, `changes|2024-01-01|${i}`, async () => row);
    expect(cache.size().entries).toBeLessThanOrEqual(cache.maxEntries);
    expect(cache.size().chars).toBeLessThanOrEqual(cache.maxChars);
  });
});
