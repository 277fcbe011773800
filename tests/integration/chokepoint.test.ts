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
