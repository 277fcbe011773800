import { AppError } from '../../src/errors';
import { decodeCursor, encodeCursor, fromGlobalId, toGlobalId } from '../../src/graph/ids';

describe('global ids and cursors', () => {
  it('round-trips ids with Chinese keys and colons', () => {
    const id = toGlobalId('Company', '北京百度网讯科技有限公司:x');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fromGlobalId(id)).toEqual({ type: 'Company', key: '北京百度网讯科技有限公司:x' });
  });

  it.each(['', 'not base64!', Buffer.from('nocolon').toString('base64url'), Buffer.from(':key').toString('base64url')])(
    'rejects the id %p with BAD_USER_INPUT naming the argument',
    (bad) => {
      try {
        fromGlobalId(bad, 'id');
        throw new Error('no error');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('BAD_USER_INPUT');
        expect((error as AppError).message).toMatch(/"id"/);
      }
    },
  );

  it('round-trips keyset cursors and rejects forged ones', () => {
    expect(decodeCursor(encodeCursor({ sort: '2023-08-31', key: '文心一言' }))).toEqual({
      sort: '2023-08-31',
      key: '文心一言',
    });
    expect(() => decodeCursor(Buffer.from('[1,2]').toString('base64url'))).toThrow(/"after" must be a cursor/);
    expect(() => decodeCursor('%%%')).toThrow(AppError);
  });
});
