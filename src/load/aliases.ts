import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphBatch } from './batch';
import { NameIndex } from './names';

export const ALIAS_SOURCE_KEY = 'alias-table';

export interface AliasEntry {
  nameEn?: string;
  aliases: string[];
  /** A company's group (the canonical name of another Company entry): its filings are the group's models. */
  group?: string;
  /** Where the English name, aliases and group are stated (public sources). */
  basis?: string;
}

export interface NameVariant {
  label: string;
  variant: string;
  canonical: string;
  kind: string;
  note: string;
}

interface AliasDoc {
  source: { key: string; title: string; kind: string };
  variants: NameVariant[];
  [label: string]: unknown;
}

/**
 * The curated alias table (data/aliases.json): canonical name → English name and aliases,
 * per label. It applies to an entity whichever source brings it (report, filing list, a
 * later import, a mutation), so it is consulted where names are resolved and where nodes
 * are written, not only where the report is read.
 */
export class AliasTable {
  private constructor(
    readonly source: AliasDoc['source'],
    private readonly entries: Map<string, Map<string, AliasEntry>>,
    readonly variants: NameVariant[],
  ) {}

  static read(file = join(__dirname, '..', '..', 'data', 'aliases.json')): AliasTable {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as AliasDoc;
    const entries = new Map<string, Map<string, AliasEntry>>();
    for (const [label, table] of Object.entries(doc)) {
      if (label === 'source' || label === 'variants' || label.startsWith('_')) continue;
      entries.set(label, new Map(Object.entries(table as Record<string, AliasEntry>)));
    }
    return new AliasTable(doc.source, entries, doc.variants);
  }

  private index?: NameIndex;
  /** The canonical name the table gives a name (canonical, English name, alias or variant). */
  find(label: string, name: string): string | undefined {
    this.index ??= this.addTo(new NameIndex());
    return this.index.find(label, name);
  }

  labels(): string[] {
    return [...this.entries.keys()];
  }

  /** Every (label, canonical, entry) of the table. */
  *all(): Generator<[label: string, canonical: string, entry: AliasEntry]> {
    for (const [label, table] of this.entries) for (const [canonical, entry] of table) yield [label, canonical, entry];
  }

  entry(label: string, canonical: string): AliasEntry | undefined {
    return this.entries.get(label)?.get(canonical);
  }

  /** Adds every name of the table (canonical, English, aliases, known variants) to an index. */
  addTo(names: NameIndex): NameIndex {
    for (const [label, canonical, entry] of this.all())
      names.add(label, canonical, [canonical, entry.nameEn, ...entry.aliases]);
    for (const v of this.variants) names.add(v.label, v.canonical, [v.canonical, v.variant]);
    return names;
  }

  /** Gives each node of the batch that the table names its aliases and, when it has none, its English name. */
  applyTo(batch: GraphBatch): void {
    for (const node of batch.nodes.values()) {
      const entry = this.entry(node.label, node.key);
      if (!entry) continue;
      for (const a of entry.aliases) node.aliases.add(a);
      if (entry.nameEn && node.props.nameEn == null) node.props.nameEn = entry.nameEn;
    }
  }
}

let shared: AliasTable | undefined;
/** The project's alias table, read once. */
export function aliasTable(): AliasTable {
  shared ??= AliasTable.read();
  return shared;
}
