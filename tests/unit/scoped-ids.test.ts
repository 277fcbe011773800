import { toGlobalId } from '../../src/graph/ids';
import { scoper } from '../../src/viz/resolvers';

describe("a feed's scoped ids", () => {
  it('are the global id of "scope|id", made from a shared prefix (a 16-character scope: whole base64 groups)', () => {
    const ids = [
      toGlobalId('Company', '北京智谱华章科技有限公司'),
      toGlobalId('Edge', 'DEVELOPS|Company:甲|Model:乙'),
      toGlobalId('Region', '110000'),
      'a',
      'ab',
      'abc',
    ];
    for (const scope of ['AbCdEfGhIjKlMnOp', 'x_-0123456789abc']) {
      const scoped = scoper(scope);
      for (const id of ids) expect(scoped(id)).toBe(toGlobalId('GraphNode', `${scope}|${id}`));
    }
  });

  it('are right for a scope of any other length too (no shared prefix then)', () => {
    for (const scope of ['', 'a', 'ab', 'abcd', '范围']) {
      const scoped = scoper(scope);
      expect(scoped('Q29tcGFueTrnlLI')).toBe(toGlobalId('GraphNode', `${scope}|Q29tcGFueTrnlLI`));
    }
  });
});
