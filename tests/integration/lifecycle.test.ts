import { instance, status, stop } from '../../src/db/bundled-neo4j';
import { freePort, runTs } from '../support/processes';

jest.setTimeout(240_000);

/** `npm start` without NEO4J_URI, on a Bolt port and data folder of its own. */
async function startServer(boltPort: number, env: Record<string, string> = {}) {
  const port = await freePort();
  const server = runTs('src/server.ts', [], {
    PORT: String(port),
    NEO4J_URI: '',
    NEO4J_BOLT_PORT: String(boltPort),
    SHUTDOWN_GRACE_MS: '0',
    LOG_LEVEL: 'info',
    ...env,
  });
  await server.waitFor('graph ready', 180_000);
  return server;
}

describe('stopping npm start (regression: the bundled Neo4j kept running, holding over a gigabyte)', () => {
  const boltPort = Number(process.env.NEO4J_LIFECYCLE_BOLT_PORT ?? 7691);
  const inst = instance(boltPort);
  afterAll(() => stop(inst));

  it('keeps the Neo4j it started with KEEP_NEO4J=true, and never stops one it did not start', async () => {
    await stop(inst);
    const first = await startServer(boltPort, { KEEP_NEO4J: 'true' });
    first.process.kill('SIGTERM');
    await first.succeeded();
    expect(await status(inst)).toBe(true);

    const second = await startServer(boltPort);
    expect(second.output()).toMatch(/already running/);
    second.process.kill('SIGINT');
    await second.succeeded();
    expect(await status(inst)).toBe(true);
  });

  it('stops the Neo4j it started on SIGINT (Ctrl-C) and SIGTERM', async () => {
    await stop(inst);
    const server = await startServer(boltPort);
    server.process.kill('SIGINT');
    await server.succeeded();
    expect(server.output()).toMatch(/stopping the bundled Neo4j this server started/);
    expect(await status(inst)).toBe(false);
  });
});
