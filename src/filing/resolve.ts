import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { GraphBatch } from '../load/batch';
import { NameIndex, normalizeName } from '../load/names';
import type { FilingRow, RegionRef } from './validate';

/** What the graph already knows that a filing row is resolved against. */
export class FilingResolver {
  readonly names = new NameIndex();
  private readonly regions = new Map<string, RegionRef>();
  private readonly byFilingNumber = new Map<string, string>();
  private readonly developers = new Map<string, Set<string>>();

  static async load(db: Database): Promise<FilingResolver> {
    const resolver = new FilingResolver();
    for (const row of await db.read(cypher('filing/names'), {}, { timeoutMs: 120_000 })) {
      const label = String(row.label);
      const key = String(row.key);
      resolver.names.add(label, key, row.names as string[]);
      if (label === 'Region' && row.kind !== 'COUNTRY' && row.kind !== 'CITY') {
        const ref = { key, name: (row.names as string[])[0], filingPrefix: (row.filingPrefix as string) ?? null };
        for (const n of row.names as string[]) resolver.regions.set(normalizeName(n), ref);
      }
      if (row.filingNumber) resolver.byFilingNumber.set(String(row.filingNumber).toLowerCase(), key);
      if (label === 'Model') resolver.developers.set(key, new Set(row.developers as string[]));
    }
    return resolver;
  }

  region = (name: string): RegionRef | undefined => this.regions.get(normalizeName(name));

  companyKey(name: string): string {
    return this.names.find('Company', name) ?? name;
  }

  /**
   * A filing's model: the node with its filing number, else the one its name or an alias
   * names, unless that one was developed by another company: then a new node whose key
   * carries the company, because two companies may file models of the same name.
   */
  modelKey(row: FilingRow, companyKey: string): string {
    const byNumber = row.filingNumber ? this.byFilingNumber.get(row.filingNumber.toLowerCase()) : undefined;
    if (byNumber) return byNumber;
    const named = this.names.find('Model', row.model) ?? row.model;
    const devs = this.developers.get(named);
    if (devs && devs.size > 0 && !devs.has(companyKey)) return `${named}（${companyKey}）`;
    return named;
  }

  /** Remembers what a row added, so later rows of the same file resolve against it. */
  remember(modelKey: string, row: FilingRow, companyKey: string): void {
    this.names.add('Model', modelKey, [modelKey, row.model]);
    this.names.add('Company', companyKey, [companyKey, row.company]);
    if (row.filingNumber) this.byFilingNumber.set(row.filingNumber.toLowerCase(), modelKey);
    const devs = this.developers.get(modelKey) ?? new Set<string>();
    devs.add(companyKey);
    this.developers.set(modelKey, devs);
  }
}

/** Turns valid rows into graph facts from one source. */
export function filingBatch(rows: FilingRow[], resolver: FilingResolver, sourceKey: string, sourceTitle: string): GraphBatch {
  const batch = new GraphBatch();
  batch.node('Source', sourceKey, { title: sourceTitle, kind: 'FILING_LIST', publisher: '国家互联网信息办公室 (CAC)' }, null);
  for (const row of rows) {
    const companyKey = resolver.companyKey(row.company);
    const modelKey = resolver.modelKey(row, companyKey);
    resolver.remember(modelKey, row, companyKey);
    batch.node('Company', companyKey, { name: companyKey }, sourceKey, row.company !== companyKey ? [row.company] : []);
    const modelName = modelKey.replace(/（[^（）]*）$/u, '') === row.model ? row.model : modelKey;
    batch.node(
      'Model',
      modelKey,
      {
        name: modelName,
        filingNumber: row.filingNumber,
        filingDate: row.filingDate,
        filingSeq: row.seq,
        filingType: '备案',
        sourceNote: row.sourceNote,
      },
      sourceKey,
      row.model !== modelName ? [row.model] : [],
    );
    batch.rel('DEVELOPS', 'Company', companyKey, 'Model', modelKey, { role: '备案单位' }, sourceKey);
    if (row.regionKey) {
      batch.rel('FILED_IN', 'Model', modelKey, 'Region', row.regionKey, { filingDate: row.filingDate }, sourceKey);
      batch.rel('BASED_IN', 'Company', companyKey, 'Region', row.regionKey, { basis: '备案属地' }, sourceKey);
    }
  }
  return batch;
}
