import { type TestApi, testApi } from '../support/api';

/** The one database chokepoint (src/db/database.ts): what every read goes through. */
describe('reads through the chokepoint', () => {
  let api: TestApi;
  beforeAll(async () => (api = await testApi()));
  afterAll(() => api.close());

  it('returns plain rows: integers as numbers, dates as text, maps and lists converted', async () => {
    const rows = await api.db.read({
      file: 'test/plain',
      text: "RETURN 1 + 1 AS two, date('2023-08-15') AS day, {n: 3, xs: [4, 5]} AS map, null AS nothing",
    });
    expect(rows).toEqual([{ two: 2, day: '2023-08-15', map: { n: 3, xs: [4, 5] }, nothing: null }]);
  });

  it('captures no stack trace per statement, and leaves the process its stack traces', async () => {
    const limit = Error.stackTraceLimit;
    await api.db.read({ file: 'test/one', text: 'RETURN 1 AS one' });
    const error = await api.db.read({ file: 'test/broken', text: 'RETURN nope AS one' }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    // The driver puts the trace it captured when the statement was sent on a failure: none was.
    expect((error as Error).stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('here').stack?.split('\n').length).toBeGreaterThan(1);
  });
});

describe('the change counter moves with the write that changed the graph (regression: bumped after the commit)', () => {
  let api: TestApi;
  beforeAll(async () => (api = await testApi()));
  afterAll(async () => {
    await api.db.write({ file: 'test/counter', text: "MATCH (n:Industry {key: 't25-计数'}) DETACH DELETE n" });
    await api.close();
  });
  const version = async () =>
    Number(
      (
        await api.db.read({ file: 'test/version', text: "MATCH (v:GraphVersion {key: 'main'}) RETURN v.version AS v" })
      )[0]?.v ?? 0,
    );

  it('a write that commits moves it once, in its own transaction; one that fails leaves it', async () => {
    const before = await version();
    await api.db.write({ file: 'test/counter', text: "CREATE (:Industry {key: 't25-计数', name: 't25-计数'})" });
    expect(await version()).toBe(before + 1);
    // The unique key refuses a second one: nothing lands, the counter included.
    await expect(
      api.db.write({ file: 'test/counter', text: "CREATE (:Industry {key: 't25-计数', name: 'again'})" }),
    ).rejects.toBeTruthy();
    expect(await version()).toBe(before + 1);
    // A statement that fails after writing takes its write and the counter back together.
    await expect(
      api.db.write({
        file: 'test/counter',
        text: "MATCH (n:Industry {key: 't25-计数'}) SET n.name = 'changed' WITH n RETURN 1 / 0 AS boom",
      }),
    ).rejects.toBeTruthy();
    const [row] = await api.db.read({
      file: 'test/counter',
      text: "MATCH (n:Industry {key: 't25-计数'}) RETURN n.name AS name",
    });
    expect([row.name, await version()]).toEqual(['t25-计数', before + 1]);
  });
});
