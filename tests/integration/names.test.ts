import { cypher } from '../../src/db/cypher';
import { NAME_KEYS_VERSION } from '../../src/graph/names';
import { backfillNameKeys } from '../../src/load/name-keys';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(async () => api.close());

const FIELD: Record<string, string> = {
  Model: 'modelByName',
  Company: 'companyByName',
  Cluster: 'clusterByName',
  Policy: 'policyByName',
  Region: 'regionByName',
};

async function lookup(label: string, name: string) {
  const r = await api.gql(`query($n: String!) { e: ${FIELD[label]}(name: $n) { name } }`, { n: name });
  return { name: r.data?.e?.name ?? null, error: r.errors?.[0] ?? null };
}

describe('names as people type them (spacing, hyphens, suffixes, groupings)', () => {
  it.each([
    ['Model', '文心 一言', '文心一言'],
    ['Model', '通义 千问', '通义千问大模型'],
    ['Model', '元象 XVERSE', '元象XVERSE'],
    ['Model', '钉钉 AI 助理', '钉钉AI助理'],
    ['Model', '文心一言大模型', '文心一言'],
    ['Model', '芒果', '芒果大模型'],
    ['Model', 'Wps 大模型', 'WPS大模型'],
    ['Model', 'xiao-ai', '小爱同学'],
    ['Company', '百度网讯', '北京百度网讯科技有限公司'],
    ['Company', '智谱华章', '北京智谱华章科技有限公司'],
    ['Company', 'Baidu Inc.', '北京百度网讯科技有限公司'],
    ['Company', 'Zhipu AI Co., Ltd.', '北京智谱华章科技有限公司'],
    ['Company', 'Huawei Technologies', '华为'],
    ['Company', 'Moonshot', '北京月之暗面科技有限公司'],
    ['Company', '腾讯公司', '深圳市腾讯计算机系统有限公司'],
    ['Model', '讯飞星火认知大模型', '星火认知大模型'],
    ['Region', 'Guangdong Province', '广东省'],
    ['Cluster', '京津冀地区', '京津冀'],
    ['Cluster', '长三角地区', '长三角'],
    ['Cluster', '成渝经济圈', '成渝'],
    ['Policy', '人工智能+ 行动', '“人工智能+”行动'],
  ])('%s "%s" is %s', async (label, typed, expected) => {
    expect(await lookup(label, typed)).toEqual({ name: expected, error: null });
  });

  it.each([
    ['Model', '大模型'],
    ['Company', '有限公司'],
    ['Company', '北京'],
    ['Model', '不存在的模型名'],
    ['Cluster', '地区'],
  ])('%s "%s" names nothing: null, not a guess', async (label, typed) => {
    expect(await lookup(label, typed)).toEqual({ name: null, error: null });
  });

  it('says a name that several entities carry, with the candidates, instead of picking one (regression: 天玄 gave one of three filings)', async () => {
    const r = await lookup('Model', '天玄');
    expect(r.name).toBeNull();
    expect(r.error.extensions.code).toBe('BAD_USER_INPUT');
    expect(r.error.message).toMatch(/"天玄" names 3 Model entities .*: look one up by its id or filing number/);
    expect(r.error.extensions.candidates).toHaveLength(3);
    for (const c of r.error.extensions.candidates) expect(c).toEqual({ id: expect.any(String), name: '天玄' });
  });

  it('finds the entities of a graph written before name keys existed, once they are backfilled', async () => {
    await api.db.write({
      file: 'test/drop-keys',
      text: "MATCH (c:Cluster {name: '成渝'}) REMOVE c.nameKeys",
    });
    expect(await lookup('Cluster', '成渝经济圈')).toEqual({ name: null, error: null });
    expect(await backfillNameKeys(api.db)).toBe(1);
    expect(await lookup('Cluster', '成渝经济圈')).toEqual({ name: '成渝', error: null });
    const [left] = await api.db.read(cypher('names/missing-keys'), { limit: 10, version: NAME_KEYS_VERSION });
    expect(left).toBeUndefined();
  });

  it('computes the keys again for entities an older version of the rules keyed (regression: no pinyin keys)', async () => {
    await api.db.write({
      file: 'test/old-keys',
      text: "MATCH (m:Model {name: '文心一言'}) SET m.nameKeys = ['=文心一言']",
    });
    expect(await lookup('Model', 'wenxin yiyan')).toEqual({ name: null, error: null });
    expect(await backfillNameKeys(api.db)).toBe(1);
    expect(await lookup('Model', 'wenxin yiyan')).toEqual({ name: '文心一言', error: null });
  });

  it('looks a typed name up in one round trip through the index, whatever it matched', async () => {
    const r = await api.gql(
      '{ a: modelByName(name: "文心 一言") { name } b: companyByName(name: "百度网讯") { name } }',
    );
    expect(r.data).toEqual({ a: { name: '文心一言' }, b: { name: '北京百度网讯科技有限公司' } });
    expect(r.files.filter((f: string) => f === 'entity/by-names')).toHaveLength(2);
  });
});
