import { luceneQuery } from '../../src/search/service';

describe('search text', () => {
  it('escapes every Lucene operator so text only matches as words', () => {
    expect(luceneQuery('a+b (c) "d" *e? f:g \\ h/i ~j ^k [l] {m} !n -o && p || q')).toBe(
      'a\\+b \\(c\\) \\"d\\" \\*e\\? f\\:g \\\\ h\\/i \\~j \\^k \\[l\\] \\{m\\} \\!n \\-o \\&\\& p \\|\\| q',
    );
    expect(luceneQuery('百度')).toBe('百度');
  });
});
