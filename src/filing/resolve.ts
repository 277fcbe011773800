import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { normalizeName } from '../graph/names';
import { aliasTable } from '../load/aliases';
import { GraphBatch } from '../load/batch';
import { NameIndex } from '../load/names';
import type { FilingRow, RegionRef } from './validate';

/** What the graph already knows that a filing row is resolved against. */
export class FilingResolver {
  readonly names = new NameIndex();
  private readonly regions = new Map<string, RegionRef>();
  private readonly byFilingNumber = new Map<string, string>();
  /** Models by the list row they were filed in (see filingRef), for rows without a filing number. */
  private readonly byFilingRef = new Map<string, string>();
  private readonly refsOf = new Map<string, Set<string>>();
  private readonly developers = new Map<string, Set<string>>();
  /** Each model's name, by key (a disambiguated key's node is named as its list names it: 天玄). */
  private readonly modelNames = new Map<string, string>();

  static async load(db: Database): Promise<FilingResolver> {
    const resolver = new FilingResolver();
    // The alias table first, so a name it knows resolves to its canonical entity even
    // before any source has brought that entity into the graph.
    aliasTable().addTo(resolver.names);
    const rows = await db.read<{
      label: string;
      key: string;
      names: string[];
      kind: string | null;
      filingPrefix: string | null;
      developers: string[] | null;
      filingNumber: string | null;
      filingRef: string | null;
    }>(cypher('filing/names'), {}, { timeoutMs: 120_000 });
    for (const row of rows) {
      const { label, key } = row;
      resolver.names.add(label, key, row.names);
      if (label === 'Region' && row.kind !== 'COUNTRY' && row.kind !== 'CITY') {
        const ref = {
          key,
          name: row.names[0],
          filingPrefix: row.filingPrefix ?? null,
          kind: row.kind ?? null,
        };
        for (const n of row.names) resolver.regions.set(normalizeName(n), ref);
      }
      if (row.filingNumber) resolver.byFilingNumber.set(String(row.filingNumber).toLowerCase(), key);
      if (row.filingRef) resolver.addRef(String(row.filingRef), key);
      if (label === 'Model') {
        resolver.developers.set(key, new Set(row.developers ?? []));
        resolver.modelNames.set(key, row.names[0] ?? key);
      }
    }
    return resolver;
  }

  region = (name: string): RegionRef | undefined => this.regions.get(normalizeName(name));

  companyKey(name: string | null): string | null {
    if (name === null) return null;
    return this.names.find('Company', name) ?? name;
  }

  private addRef(ref: string, key: string): void {
    this.byFilingRef.set(ref, key);
    const refs = this.refsOf.get(key) ?? new Set<string>();
    refs.add(ref);
    this.refsOf.set(key, refs);
  }

  /** Whether a company files for the model's developers: itself one, or of the same group (data/aliases.json `group`). */
  private filesFor(developers: Set<string>, companyKey: string): boolean {
    if (developers.has(companyKey)) return true;
    const group = groupOf(companyKey);
    return [...developers].some((d) => groupOf(d) === group);
  }

  /**
   * A filing's model and its name (a node made before keeps its own): the node
   * with its filing number, else the node an earlier import of the same list row made
   * (filingRef), else the one its name or an alias names, unless that one is another filing
   * (another company's, or another row's of the same list) or the row names no filer: then a
   * new node whose key carries the company (and the row), because two companies may file
   * models of one name and one company may file several (天玄, rows 749-751). A new node's
   * name is the list's name (the filer is its relationship); a row without one is named by
   * its identity (filing number, or list kind and 序号 with the filer).
   */
  modelKey(row: FilingRow, companyKey: string | null, sourceKey: string): { key: string; name: string } {
    // A node made before keeps its name (the list's, if different, becomes an alias).
    const existing = (key: string) => ({ key, name: this.modelNames.get(key) ?? key });
    const byNumber = row.filingNumber ? this.byFilingNumber.get(row.filingNumber.toLowerCase()) : undefined;
    if (byNumber) return existing(byNumber);
    const ref = filingRef(sourceKey, row);
    const byRef = ref ? this.byFilingRef.get(ref) : undefined;
    if (byRef) return existing(byRef);
    if (row.model === null) {
      const key = row.filingNumber ?? `${row.kind} ${row.seq}（${companyKey ?? sourceKey}）`;
      return { key, name: key };
    }
    const named = this.names.find('Model', row.model);
    if (named === undefined) return { key: row.model, name: row.model };
    const devs = this.developers.get(named);
    const identity = row.filingNumber ?? (row.seq === null ? null : `${row.kind}${row.seq}`);
    if (companyKey === null) return { key: `${row.model}（${identity}）`, name: row.model };
    if (devs && devs.size > 0 && !this.filesFor(devs, companyKey))
      return { key: `${row.model}（${companyKey}）`, name: row.model };
    const sameList = [...(this.refsOf.get(named) ?? [])].some((r) => r.startsWith(`${sourceKey}#`));
    if (ref && sameList) return { key: `${row.model}（${companyKey} ${row.kind}${row.seq}）`, name: row.model };
    // The canonical name the alias table or the graph gives (it may not be in the graph yet).
    return { key: named, name: named };
  }

  /** Remembers what a row added, so later rows of the same file resolve against it. */
  remember(model: { key: string; name: string }, row: FilingRow, companyKey: string | null, sourceKey: string): void {
    const modelKey = model.key;
    this.modelNames.set(modelKey, model.name);
    // A name keeps the entity it named first: the second 天玄 must not become what 天玄 means.
    const names = row.model && !this.names.find('Model', row.model) ? [modelKey, row.model] : [modelKey];
    this.names.add('Model', modelKey, names);
    if (companyKey !== null && row.company !== null) this.names.add('Company', companyKey, [companyKey, row.company]);
    if (row.filingNumber) this.byFilingNumber.set(row.filingNumber.toLowerCase(), modelKey);
    const ref = filingRef(sourceKey, row);
    if (ref) this.addRef(ref, modelKey);
    const devs = this.developers.get(modelKey) ?? new Set<string>();
    if (companyKey !== null) devs.add(companyKey);
    this.developers.set(modelKey, devs);
  }
}

/** The group a company files for (data/aliases.json), or the company itself. */
function groupOf(companyKey: string): string {
  return aliasTable().entry('Company', companyKey)?.group ?? companyKey;
}

/** Which row of which list a filing is, when the row has a 序号: `<source>#<kind><序号>`. */
export function filingRef(sourceKey: string, row: FilingRow): string | null {
  return row.seq === null ? null : `${sourceKey}#${row.kind}${row.seq}`;
}

/** Turns valid rows into graph facts from one source. */
export function filingBatch(
  rows: FilingRow[],
  resolver: FilingResolver,
  sourceKey: string,
  sourceTitle: string,
): GraphBatch {
  const batch = new GraphBatch();
  batch.node(
    'Source',
    sourceKey,
    { title: sourceTitle, kind: 'FILING_LIST', publisher: '国家互联网信息办公室 (CAC)' },
    null,
  );
  for (const row of rows) {
    const companyKey = resolver.companyKey(row.company);
    const model = resolver.modelKey(row, companyKey, sourceKey);
    const modelKey = model.key;
    resolver.remember(model, row, companyKey, sourceKey);
    const ref = filingRef(sourceKey, row);
    if (companyKey !== null)
      batch.node(
        'Company',
        companyKey,
        { name: companyKey },
        sourceKey,
        row.company && row.company !== companyKey ? [row.company] : [],
      );
    batch.node(
      'Model',
      modelKey,
      {
        name: model.name,
        filingNumber: row.filingNumber,
        filingDate: row.filingDate,
        filingSeq: row.seq,
        filingType: row.kind,
        filingBatch: row.batch,
        filingRef: ref,
        sourceNote: row.sourceNote,
        ...(row.model === null ? { nameGiven: false } : {}),
      },
      sourceKey,
      row.model && row.model !== model.name ? [row.model] : [],
    );
    // A row without a filer (a filing number alone) is still filed in its province; it develops nothing.
    if (companyKey !== null)
      batch.rel(
        'DEVELOPS',
        'Company',
        companyKey,
        'Model',
        modelKey,
        { role: row.kind === '登记' ? '登记单位' : '备案单位' },
        sourceKey,
      );
    if (row.regionKey) {
      batch.rel(
        'FILED_IN',
        'Model',
        modelKey,
        'Region',
        row.regionKey,
        { filingDate: row.filingDate, ...(row.channel ? { channel: '国资委' } : {}) },
        sourceKey,
      );
      // 国资委 is the channel central SOEs file through, not where the company is.
      if (companyKey !== null && !row.channel)
        batch.rel('BASED_IN', 'Company', companyKey, 'Region', row.regionKey, { basis: '备案属地' }, sourceKey);
    }
  }
  return batch;
}
