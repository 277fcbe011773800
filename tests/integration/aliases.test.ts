import { enumName } from '../../src/graph/vocabulary';
import { aliasTable } from '../../src/load/aliases';
import { EDITOR, type TestApi, testApi } from '../support/api';
import { resetData } from '../support/reset';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(async () => {
  await resetData(api.db);
  await api.close();
});

const table = aliasTable();
// companyByName, modelByName, policyByName, ...: every label the table holds has its lookup.
const byName = (label: string) => `${label[0].toLowerCase()}${label.slice(1)}ByName`;
const walk = [...table.all()].flatMap(([label, canonical, entry]) =>
  [canonical, entry.nameEn, ...entry.aliases]
    .filter((n): n is string => Boolean(n))
    .map((name) => [label, name, canonical] as const),
);
const variants = table.variants.map((v) => [v.label, v.variant, v.canonical] as const);

describe('the alias table applies to every entity, whichever source brought it (regression: 26 of 80 names resolved to nothing)', () => {
  it('names entities that exist in the loaded graph', async () => {
    for (const [label, , canonical] of walk) {
      const r = await api.gql(`query($n: String!) { e: ${byName(label)}(name: $n) { name } }`, { n: canonical });
      expect([label, canonical, r.data.e?.name]).toEqual([label, canonical, canonical]);
    }
  });

  it.each([...walk, ...variants])('%s "%s" resolves to %s through ByName', async (label, name, canonical) => {
    const r = await api.gql(`query($n: String!) { e: ${byName(label)}(name: $n) { name nameEn aliases } }`, {
      n: name,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.e?.name).toBe(canonical);
    expect(r.data.e.nameEn).toBe(table.entry(label, canonical)?.nameEn ?? r.data.e.nameEn);
  });

  it.each([...walk, ...variants])('%s "%s" finds %s through search', async (label, name, canonical) => {
    const r = await api.gql(
      'query($t: String!, $types: [EntityLabel!]) { search(text: $t, types: $types, first: 100) { node { name } } }',
      { t: name, types: [enumName(label)] },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.search.map((h: any) => h.node.name)).toContain(canonical);
  });

  it('applies to an entity a later import brings, and the importer resolves aliases to it', async () => {
    // 美团 is in the alias table; a list that names it by its alias lands on the canonical company.
    const content = '序号,属地,模型名称,备案单位,备案编号,备案时间\n900,北京市,美团测试模型,美团,,2025-01-02\n';
    const r = await api.gql(
      'mutation($c: String!) { importFilingList(content: $c, format: CSV, source: "alias-import-test") { valid skipped } }',
      { c: content },
      EDITOR,
    );
    expect(r.errors).toBeUndefined();
    const c = await api.gql('{ companyByName(name: "Meituan") { name models(first: 50) { nodes { name } } } }');
    expect(c.data.companyByName.name).toBe('北京三快科技有限公司');
    expect(c.data.companyByName.models.nodes.map((m: any) => m.name)).toContain('美团测试模型');
  });

  it('applies to an entity a mutation creates, and refuses to create one under an alias', async () => {
    const del = await api.gql('{ companyByName(name: "华为") { id } }');
    if (del.data.companyByName)
      await api.gql('mutation($id: ID!) { deleteEntity(id: $id) }', { id: del.data.companyByName.id }, EDITOR);
    const created = await api.gql(
      'mutation { createEntity(type: COMPANY, input: { name: "华为" }, source: "test") { name nameEn aliases } }',
      {},
      EDITOR,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createEntity).toEqual({ name: '华为', nameEn: 'Huawei', aliases: ['Huawei'] });
    const alias = await api.gql(
      'mutation { createEntity(type: COMPANY, input: { name: "讯飞" }, source: "test") { name } }',
      {},
      EDITOR,
    );
    expect(alias.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(alias.errors![0].message).toContain('科大讯飞股份有限公司');
    expect((await api.gql('{ companyByName(name: "讯飞") { name } }')).data.companyByName.name).toBe(
      '科大讯飞股份有限公司',
    );
  });
});
