import { luceneQuery } from '../../src/search/service';

describe('search text', () => {
  it('quotes every word, escaping only what is special inside quotes, and joins them with OR', () => {
    expect(luceneQuery('百度')).toBe('"百度"');
    expect(luceneQuery('  DeepSeek   OR ')).toBe('"DeepSeek" OR "OR"');
    expect(luceneQuery('a"b c\\d')).toBe('"a\\"b" OR "c\\\\d"');
    expect(luceneQuery('(*:*) && || NOT TO [a TO b] {x} ~1 ^2')).toBe(
      '"(*:*)" OR "&&" OR "||" OR "NOT" OR "TO" OR "[a" OR "TO" OR "b]" OR "{x}" OR "~1" OR "^2"',
    );
  });
});
