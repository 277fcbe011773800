import { cypher } from '../../src/db/cypher';
import { migrationFiles, runMigration } from '../../src/db/migrate';
import { type TestApi, testApi } from '../support/api';

let api: TestApi;
beforeAll(async () => (api = await testApi()));
afterAll(() => api.close());

describe('migration 006: benchmark data leaves the product graph', () => {
  it('removes what earlier versions generated (label, flag, source, indexes) and keeps every real fact', async () => {
    const fingerprint = () => api.db.read(cypher('load/fingerprint'));
    const real = await fingerprint();
    // What an earlier version left behind: labelled nodes, flags on real ones, the old indexes.
    await api.db.write({
      file: 'test/old-synthetic',
      text: `MERGE (s:Source {key: 'synthetic-1x'}) SET s.kind = 'SYNTHETIC'
             CREATE (c:Company:Synthetic {key: 'syn:1:c:0', name: '合成企业', synthetic: true, sourceKeys: ['synthetic-1x']})
             CREATE (m:Model:Synthetic {key: 'syn:1:m:0', name: '合成模型', synthetic: true, sourceKeys: ['synthetic-1x']})
             CREATE (c)-[:DEVELOPS {sourceKeys: ['synthetic-1x']}]->(m)
             WITH m MATCH (g:Region {key: '110000'}) CREATE (m)-[:FILED_IN {sourceKeys: ['synthetic-1x']}]->(g)`,
    });
    await api.db.write({ file: 'test/old-flag', text: 'MATCH (n:Model) SET n.synthetic = false' });
    await api.db.write({
      file: 'test/old-index',
      text: 'CREATE INDEX model_synthetic_name IF NOT EXISTS FOR (n:Model) ON (n.synthetic, n.name)',
    });
    const file = migrationFiles().find((f) => f.id === '006_no_synthetic');
    expect(file).toBeDefined();
    await runMigration(api.db, file!);
    const [left] = await api.db.read({
      file: 'test/left',
      text: `RETURN COUNT { MATCH (n:Synthetic) } AS labelled, COUNT { MATCH (n) WHERE n.synthetic IS NOT NULL } AS flagged,
                    COUNT { MATCH (s:Source) WHERE s.kind = 'SYNTHETIC' } AS sources`,
    });
    expect(left).toEqual({ labelled: 0, flagged: 0, sources: 0 });
    const indexes = await api.db.read({ file: 'test/indexes', text: 'SHOW INDEXES YIELD name RETURN name' });
    expect(indexes.map((r) => r.name).filter((n) => String(n).includes('synthetic'))).toEqual([]);
    expect(await fingerprint()).toEqual(real);
    // A second run changes nothing (every statement is idempotent).
    await runMigration(api.db, file!);
    expect(await fingerprint()).toEqual(real);
  });
});
