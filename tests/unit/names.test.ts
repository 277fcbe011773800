import {
  coreKeys,
  lookupKeys,
  looseKey,
  NAME_KEYS_VERSION,
  nameKeysOf,
  nameParts,
  normalizeName,
  pinyinKey,
} from '../../src/graph/names';

describe('the one name normaliser', () => {
  it('folds width, case and runs of spaces', () => {
    expect(normalizeName('  ＤｅｅｐＳｅｅｋ\u3000 Chat ')).toBe('deepseek chat');
  });

  it.each([
    ['文心 一言', '文心一言'],
    ['DeepSeek-Chat', 'deepseekchat'],
    ['通义 千问', '通义千问'],
    ['人工智能+ 行动', '人工智能+行动'],
    ['钉钉 AI 助理', '钉钉ai助理'],
    ['小米端侧文本（美卓软件设计（北京）有限公司）', '小米端侧文本美卓软件设计北京有限公司'],
  ])('loose key of %s is %s (spaces, hyphens and brackets are how a name is typed)', (typed, key) => {
    expect(looseKey(typed)).toBe(key);
  });

  it.each([
    ['Company', '腾讯公司', ['腾讯']],
    ['Company', '深度求索公司', ['深度求索']],
    ['Company', 'Baidu Inc.', ['baidu']],
    ['Company', 'Xiaomi Corporation', ['xiaomi']],
    ['Company', '北京智谱华章科技有限公司', ['北京智谱华章', '智谱华章']],
    ['Company', '月之暗面科技', ['月之暗面']],
    ['Model', '文心一言大模型', ['文心一言']],
    ['Model', '讯飞星火认知大模型', ['讯飞星火', '星火']],
    ['Model', 'Xiaomi MiMo', ['mimo']],
    ['Region', 'Inner Mongolia Autonomous Region', ['innermongolia']],
    ['Industry', '医疗健康行业', ['医疗健康']],
    ['Scenario', '内容生成场景', ['内容生成']],
    ['EnterpriseType', '民营企业', ['民营']],
    ['Model', 'Kimi大模型', ['kimi']],
    ['Region', 'Guangdong Province', ['guangdong']],
    ['Cluster', '成渝经济圈', ['成渝']],
    ['Cluster', '长三角地区', ['长三角']],
  ])('%s %s drops its stated suffixes (a company its place, a model its maker): %j', (label, typed, keys) => {
    expect(coreKeys(label, typed)).toEqual(keys);
  });

  it('never reduces a name to a suffix, a place or one character', () => {
    expect(coreKeys('Company', '科技有限公司')).toEqual(['科技']);
    expect(coreKeys('Company', '公司')).toEqual([]);
    expect(coreKeys('Model', '大模型')).toEqual([]);
    expect(coreKeys('Company', '北京公司')).toEqual(['北京']);
    expect(coreKeys('Model', '星模型')).toEqual([]);
    // Suffixes are the label's: a model's 公司 and a company's 大模型 stay.
    expect(coreKeys('Model', '某某公司')).toEqual([]);
  });

  it('stores each name’s loose key (=), core keys and pinyin readings (~) and the rules’ version, sorted and unique', () => {
    expect(nameKeysOf('Company', ['北京百度网讯科技有限公司', '百度', 'Baidu', null])).toEqual(
      [
        NAME_KEYS_VERSION,
        '=baidu',
        '=北京百度网讯科技有限公司',
        '=百度',
        '~北京百度网讯',
        '~百度网讯',
        '~baidu',
        '~baiduwangxun',
        '~beijingbaiduwangxun',
        '~beijingbaiduwangxunkejiyouxiangongsi',
      ].sort(),
    );
  });

  it.each([
    ['舒压伴（PressGuard）', ['舒压伴', 'PressGuard']],
    ['智慧助手（小艺）', ['智慧助手', '小艺']],
    ['一叶轻舟大语言模型 (Skiff-LLMs)', ['一叶轻舟大语言模型', 'Skiff-LLMs']],
    ['面壁露卡 LUCA', ['面壁露卡', 'LUCA']],
    ['钉钉 AI 助理', []],
    ['DeepSeek Chat', []],
    ['文心一言', []],
  ])('finds the parts of %s that gloss each other: %j', (name, parts) => {
    expect(nameParts(name)).toEqual(parts);
  });

  it('stores a gloss and its name as derived keys, so either finds the entity', () => {
    const keys = nameKeysOf('Model', ['一叶轻舟大语言模型 (Skiff-LLMs)']);
    expect(keys).toEqual(
      expect.arrayContaining(['=一叶轻舟大语言模型skiffllms', '~一叶轻舟大语言模型', '~一叶轻舟', '~skiffllms']),
    );
  });

  it('folds Traditional characters to Simplified, phrase by phrase', () => {
    expect(normalizeName('騰訊')).toBe('腾讯');
    expect(looseKey('哈爾濱工業大学')).toBe('哈尔滨工业大学');
    expect(looseKey('上海市第一婦嬰保健院')).toBe(looseKey('上海市第一妇婴保健院'));
    expect(normalizeName('Tencent')).toBe('tencent');
  });

  it('reads Chinese in pinyin as people type it, polyphones by context, Latin kept', () => {
    expect(pinyinKey('文心一言')).toBe('wenxinyiyan');
    expect(pinyinKey('重庆')).toBe('chongqing');
    expect(pinyinKey('银行')).toBe('yinhang');
    expect(pinyinKey('kimi大模型')).toBe('kimidamoxing');
    expect(pinyinKey('deepseek')).toBeNull();
    expect(nameKeysOf('Model', ['阶跃'])).toEqual([NAME_KEYS_VERSION, '=阶跃', '~jieyue']);
    // A reading shorter than four letters names nothing on its own (a, e, yi): not stored.
    expect(nameKeysOf('Model', ['阿'])).toEqual([NAME_KEYS_VERSION, '=阿']);
  });

  it('tries a typed name against names carried before names shortened, then shortened itself (an alias outranks a derived core: 商汤)', () => {
    expect(lookupKeys('Model', '文心 一言 大模型')).toEqual([
      '=文心一言大模型',
      '~文心一言大模型',
      '=文心一言',
      '~文心一言',
    ]);
    expect(lookupKeys('Company', '商汤')).toEqual(['=商汤', '~商汤']);
    expect(lookupKeys('Model', '   ')).toEqual([]);
  });
});
