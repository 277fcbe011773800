import { FairGate } from '../../src/db/fair-gate';

const tick = () => new Promise((r) => setImmediate(r));

/** A statement that runs until released, recording the order it started in. */
function statement(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return {
    work: async () => {
      started.push(name);
      await done;
    },
    finish: () => finish(),
  };
}

describe('fair sharing of Neo4j connections between requests', () => {
  it('runs at most perRequest statements of one request at once, and the pool at most capacity', async () => {
    const gate = new FairGate(3, 2, 10_000);
    const started: string[] = [];
    const heavy = {};
    const stmts = Array.from({ length: 6 }, (_, i) => statement(started, `h${i}`));
    const runs = stmts.map((s) => gate.run(heavy, s.work));
    await tick();
    expect(started).toEqual(['h0', 'h1']);
    expect(gate.load).toEqual({ running: 2, waiting: 4 });
    stmts[0].finish();
    await tick();
    await tick();
    expect(started).toEqual(['h0', 'h1', 'h2']);
    for (const s of stmts) s.finish();
    await Promise.all(runs);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('lets a cheap request in at once beside a heavy one, and takes requests in turn when the pool is full', async () => {
    const gate = new FairGate(2, 2, 10_000);
    const started: string[] = [];
    const heavy = {};
    const cheap = {};
    const h = Array.from({ length: 4 }, (_, i) => statement(started, `h${i}`));
    const hRuns = h.map((s) => gate.run(heavy, s.work));
    await tick();
    const c = statement(started, 'c0');
    const cRun = gate.run(cheap, c.work);
    h[0].finish();
    await tick();
    await tick();
    // The freed slot goes to the waiting cheap request, not to the heavy one's third statement.
    expect(started).toEqual(['h0', 'h1', 'c0']);
    c.finish();
    await cRun;
    for (const s of h) s.finish();
    await Promise.all(hRuns);
    expect(started).toEqual(['h0', 'h1', 'c0', 'h2', 'h3']);
  });

  it('refuses a statement that waited too long with SERVICE_UNAVAILABLE, and frees nothing it never held', async () => {
    const gate = new FairGate(1, 1, 50);
    const started: string[] = [];
    const first = statement(started, 'a');
    const running = gate.run({}, first.work);
    await tick();
    await expect(gate.run({}, async () => 'never')).rejects.toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(/busy.*retry/),
    });
    expect(gate.load).toEqual({ running: 1, waiting: 0 });
    first.finish();
    await running;
    await expect(gate.run({}, async () => 'next')).resolves.toBe('next');
  });
});
