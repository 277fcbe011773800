import type { EntityRow, RelRow } from '../../src/entity/rows';
import { displayName, explainPath } from '../../src/path/explain';

const node = (label: string, name: string, extra: Partial<EntityRow> = {}): EntityRow => ({
  __label: label,
  key: name,
  name,
  ...extra,
});
const rel = (type: string, forward: boolean): RelRow => ({ __type: type, __forward: forward });

describe('path explanations', () => {
  const nodes = [
    node('Company', '深圳市腾讯计算机系统有限公司', { aliases: ['腾讯', 'Tencent'], nameEn: 'Tencent' }),
    node('Model', '腾讯混元助手大模型', { nameEn: 'Tencent Hunyuan' }),
    node('Industry', '通用人工智能', { nameEn: 'General-purpose AI' }),
    node('Policy', '《生成式人工智能服务管理暂行办法》', { nameEn: 'Interim Measures' }),
  ];
  const rels = [rel('DEVELOPS', true), rel('SERVES', true), rel('PROMOTES', false)];

  it('reads like the issue example in Chinese, arrows following each relationship', () => {
    expect(explainPath(nodes, rels, 'zh')).toBe(
      '腾讯 -开发-> 腾讯混元助手大模型 -服务于-> 通用人工智能 <-推动- 《生成式人工智能服务管理暂行办法》',
    );
  });

  it('uses English names and verbs in English', () => {
    expect(explainPath(nodes, rels, 'en')).toBe(
      'Tencent -develops-> Tencent Hunyuan -serves-> General-purpose AI <-promotes- Interim Measures',
    );
  });

  it('names a company by its short Chinese alias, other entities by name', () => {
    expect(displayName(nodes[0])).toBe('腾讯');
    expect(displayName(node('Company', '华为', { aliases: ['Huawei'] }))).toBe('华为');
    expect(displayName(nodes[1])).toBe('腾讯混元助手大模型');
  });
});
