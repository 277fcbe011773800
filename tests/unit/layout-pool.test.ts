import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { layoutOffThread } from '../../src/viz/layout-pool';

/** Layouts on their own thread (regression: the thread's port kept `npm test` from ever exiting). */
describe('the layout thread', () => {
  it('lays out a feed and answers positions for every node', async () => {
    const nodes = Array.from({ length: 30 }, (_, i) => ({ id: `n${i}`, caption: `节点${i}`, ring: i === 0 ? 0 : 1 }));
    const edges = nodes.slice(1).map((n) => ({ source: 'n0', target: n.id }));
    const at = await layoutOffThread(nodes, edges);
    expect([...at.keys()].sort()).toEqual(nodes.map((n) => n.id).sort());
    for (const p of at.values()) expect([Number.isFinite(p.x), Number.isFinite(p.y)]).toEqual([true, true]);
  });

  it("leaves the caller's thread free while it lays out (regression: x/y stalled every request)", async () => {
    // A layout run on the calling thread would end before any timer could fire: zero turns.
    const nodes = Array.from({ length: 400 }, (_, i) => ({
      id: `n${i}`,
      caption: `节点${i}`,
      ring: i === 0 ? 0 : 1 + (i % 3),
    }));
    const edges = nodes.slice(1).map((n, i) => ({ source: `n${Math.floor(i / 3)}`, target: n.id }));
    let turns = 0;
    const tick = setInterval(() => turns++, 1);
    try {
      const at = await layoutOffThread(nodes, edges);
      expect(at.size).toBe(nodes.length);
    } finally {
      clearInterval(tick);
    }
    expect(turns).toBeGreaterThan(0);
  });

  it('does not keep a process alive once its layouts are done', () => {
    const script = `require(${JSON.stringify(join(__dirname, '..', '..', 'src', 'viz', 'layout-pool.ts'))})
      .layoutOffThread([{ id: 'a', caption: 'a', ring: 0 }, { id: 'b', caption: 'b', ring: 1 }], [{ source: 'a', target: 'b' }])
      .then((at) => console.log('laid out', at.size));`;
    const started = Date.now();
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect([r.status, r.stdout.trim()]).toEqual([0, 'laid out 2']);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
