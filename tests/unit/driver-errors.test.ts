import { mapDriverError } from '../../src/db/database';
import { AppError, ErrorCode } from '../../src/errors';

/** Neo4j's errors as the driver reports them: a code and a message. */
const neo4jError = (code: string, message = 'from the server') => Object.assign(new Error(message), { code });

describe('driver errors become the closed set of codes, each saying what to do', () => {
  it('a statement past the memory one transaction may use is too costly, not an outage (asking again will not help)', () => {
    const mapped = mapDriverError(neo4jError('Neo.TransientError.General.TransactionMemoryLimit')) as AppError;
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.code).toBe(ErrorCode.COST_LIMIT_EXCEEDED);
    expect(mapped.message).toMatch(/db\.memory\.transaction\.max/);
    expect(mapped.message).toMatch(/ask for less/);
  });

  it('memory used up by every query together is a busy server to retry, and says so (regression: it said "not reachable")', () => {
    const mapped = mapDriverError(neo4jError('Neo.TransientError.General.MemoryPoolOutOfMemoryError')) as AppError;
    expect(mapped.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(mapped.message).toMatch(/no memory left/);
    expect(mapped.message).not.toMatch(/not reachable/);
  });

  it('an unreachable server is still told as one', () => {
    const mapped = mapDriverError(neo4jError('ServiceUnavailable')) as AppError;
    expect(mapped.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(mapped.message).toMatch(/not reachable/);
  });
});
