import { lucenePhrase } from '../../src/graph/names';
import { fulltextQuery } from '../../src/search/service';

/** The user's words joined as the lookups and search join them: each word one quoted phrase. */
const phrases = (text: string) => text.split(/\s+/u).filter(Boolean).map(lucenePhrase).join(' OR ');

describe('search text', () => {
  it('quotes every word, escaping only what is special inside quotes, and joins them with OR', () => {
    expect(phrases('百度')).toBe('"百度"');
    expect(phrases('  DeepSeek   OR ')).toBe('"DeepSeek" OR "OR"');
    expect(phrases('a"b c\\d')).toBe('"a\\"b" OR "c\\\\d"');
    expect(phrases('(*:*) && || NOT TO [a TO b] {x} ~1 ^2')).toBe(
      '"(*:*)" OR "&&" OR "||" OR "NOT" OR "TO" OR "[a" OR "TO" OR "b]" OR "{x}" OR "~1" OR "^2"',
    );
  });

  it('asks the cjk index for quoted words and bigrams, and Latin words inside longer ones, nothing else', () => {
    expect(fulltextQuery('文心一言大模型')).toBe('"文心" OR "心一" OR "一言" OR "言大" OR "大模" OR "模型"');
    expect(fulltextQuery('GLM')).toBe('"glm" OR *glm*');
    expect(fulltextQuery('(*:*) && "x" OR')).toBe('"x" OR "or"');
    expect(fulltextQuery('&& || * ?')).toBeNull();
  });
});
