import { connect, createServer } from 'node:net';
import { latencyProxy } from '../../scripts/bench/latency-proxy';

describe('the benchmark’s latency proxy', () => {
  it('delays each direction by the delay, keeping every byte in order', async () => {
    const echo = createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    const port = (echo.address() as { port: number }).port;
    const proxy = await latencyProxy({ host: '127.0.0.1', port }, 40);
    try {
      const client = connect(proxy.port, '127.0.0.1');
      await new Promise<void>((r) => client.once('connect', () => r()));
      const text = Array.from({ length: 200 }, (_, i) => `chunk ${i};`).join('');
      const started = performance.now();
      let got = '';
      const done = new Promise<void>((resolve) =>
        client.on('data', (d) => {
          got += d.toString();
          if (got.length >= text.length) resolve();
        }),
      );
      for (let i = 0; i < text.length; i += 50) client.write(text.slice(i, i + 50));
      await done;
      const elapsed = performance.now() - started;
      expect(got).toBe(text);
      // There and back: at least twice the delay.
      expect(elapsed).toBeGreaterThanOrEqual(78);
      client.destroy();
    } finally {
      await proxy.close();
      echo.close();
    }
  });
});
