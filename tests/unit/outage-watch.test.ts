import { OutageWatch, ServerNotAnswering } from '../../src/db/outage-watch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = () => new Promise<never>(() => undefined);

describe('OutageWatch', () => {
  let watch: OutageWatch;
  afterEach(() => watch.close());

  it('leaves a slow statement alone when the server answers the probe', async () => {
    let probes = 0;
    watch = new OutageWatch(async () => {
      probes += 1;
      return true;
    }, 20);
    await expect(watch.run(() => sleep(80).then(() => 'done'))).resolves.toBe('done');
    expect(probes).toBe(1);
    expect(watch.isDown).toBe(false);
    expect(watch.watching).toBe(0);
  });

  it('never asks about a statement that answers before it is suspect', async () => {
    let probes = 0;
    watch = new OutageWatch(async () => {
      probes += 1;
      return true;
    }, 50);
    await watch.run(() => sleep(5));
    await sleep(80);
    expect(probes).toBe(0);
  });

  it('fails every statement in flight at once when the probe gets no answer, each marked as sent', async () => {
    watch = new OutageWatch(async () => false, 30, 10_000);
    const started = Date.now();
    const outcomes = await Promise.allSettled([watch.run(never), watch.run(never), watch.run(never)]);
    expect(Date.now() - started).toBeLessThan(1_000);
    for (const o of outcomes) {
      expect(o.status).toBe('rejected');
      const reason = (o as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(ServerNotAnswering);
      expect(reason).toMatchObject({ code: 'SERVICE_UNAVAILABLE', midway: true });
    }
    expect(watch.isDown).toBe(true);
    expect(watch.watching).toBe(0);
  });

  it('refuses new statements without running them while down, and reopens when a recheck answers', async () => {
    let answers = false;
    watch = new OutageWatch(async () => answers, 1_000, 20);
    expect(await watch.check()).toBe(false);
    let ran = false;
    await expect(
      watch.run(async () => {
        ran = true;
      }),
    ).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', midway: false });
    expect(ran).toBe(false);
    answers = true;
    for (let i = 0; i < 50 && watch.isDown; i++) await sleep(10);
    expect(watch.isDown).toBe(false);
    await expect(watch.run(async () => 7)).resolves.toBe(7);
  });

  it('shares one probe between callers that ask at the same moment', async () => {
    let probes = 0;
    watch = new OutageWatch(async () => {
      probes += 1;
      await sleep(20);
      return true;
    });
    const answers = await Promise.all([watch.check(), watch.check(), watch.check()]);
    expect(answers).toEqual([true, true, true]);
    expect(probes).toBe(1);
  });

  it('counts a probe that throws as no answer', async () => {
    watch = new OutageWatch(
      async () => {
        throw new Error('connection refused');
      },
      1_000,
      10_000,
    );
    expect(await watch.check()).toBe(false);
    expect(watch.isDown).toBe(true);
  });

  it('passes a statement’s own failure through unchanged', async () => {
    watch = new OutageWatch(async () => true, 1_000);
    const own = new Error('syntax');
    await expect(watch.run(() => Promise.reject(own))).rejects.toBe(own);
    expect(watch.watching).toBe(0);
  });

  it('does not declare a busy server down: a statement answered while the probe waited is progress', async () => {
    // The probe misses its deadline (both cores busy), but another statement is answered meanwhile.
    watch = new OutageWatch(
      async () => {
        await sleep(60);
        return false;
      },
      20,
      10_000,
    );
    const slow = watch.run(() => sleep(150).then(() => 'slow'));
    const quick = sleep(30).then(() => watch.run(() => sleep(5).then(() => 'quick')));
    await expect(Promise.all([slow, quick])).resolves.toEqual(['slow', 'quick']);
    expect(watch.isDown).toBe(false);
    // Nothing answered while it waited: down, as before.
    const stuck = watch.run(never);
    await expect(stuck).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', midway: true });
    expect(watch.isDown).toBe(true);
  });
});
