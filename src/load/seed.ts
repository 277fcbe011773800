import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliasTable } from './aliases';
import { GraphBatch, type Props } from './batch';
import { NameIndex } from './names';

export const DATA_DIR = join(__dirname, '..', '..', 'data');

interface SourceDoc {
  key: string;
  title: string;
  kind: string;
  asOf?: string;
  publisher?: string;
  note?: string;
}
type Ref = [label: string, name: string];
interface ClaimDoc {
  metric: string;
  about: Ref[];
  value?: number;
  valueMax?: number;
  valueText?: string;
  comparator?: string;
  unit: string;
  asOf?: string;
  period?: string;
  s?: number;
  quote: string;
}
export interface RegionDoc {
  key: string;
  code: string | null;
  name: string;
  shortName: string;
  nameEn: string;
  kind: string;
  filingPrefix?: string;
  within?: string;
  aliases: string[];
}
interface ReportDoc {
  source: SourceDoc;
  sections: { n: number; title: string }[];
  nodes: ({ label: string; name: string; s: number; aliases?: string[] } & Props)[];
  rels: [string, string, string, string, string, number, Props][];
  claims: ClaimDoc[];
  /** Edges no source states, kept as curated inferences: each with its reason, under its own source. */
  inferences: { source: SourceDoc; rels: [string, string, string, string, string, Props, string][] };
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;
}

/** data/regions.json: the GB/T 2260 regions with their names, aliases and filing prefixes. */
export function readRegions(): { source: SourceDoc; regions: RegionDoc[] } {
  return readJson('regions.json');
}

export function sourceProps(doc: SourceDoc, extra: Props = {}): Props {
  return {
    title: doc.title,
    kind: doc.kind,
    asOf: doc.asOf ?? null,
    publisher: doc.publisher ?? null,
    note: doc.note ?? null,
    ...extra,
  };
}

export function sectionKey(sourceKey: string, n: number): string {
  return `${sourceKey}#${n}`;
}

/** A stable key for a claim: what it is about, what it measures, when, and who says it. */
function claimKey(sourceKey: string, claim: ClaimDoc, aboutKeys: string[]): string {
  const basis = [sourceKey, claim.metric, ...aboutKeys, claim.asOf ?? '', claim.period ?? ''].join('|');
  return `claim-${createHash('sha1').update(basis).digest('hex').slice(0, 16)}`;
}

/**
 * Builds the reference data and the report's content: regions, the alias table, every
 * entity, relationship and figure of the report, and the CAC's announced totals.
 * Aliases of the alias table are applied when the batch is written (src/load/write.ts).
 */
export function buildSeed(): GraphBatch {
  const batch = new GraphBatch();
  const names = new NameIndex();

  const regionDoc = readRegions();
  batch.node('Source', regionDoc.source.key, sourceProps(regionDoc.source), null);
  for (const r of regionDoc.regions) {
    const { key, aliases, within, ...props } = r;
    batch.node('Region', key, props, regionDoc.source.key, aliases);
    names.add('Region', key, [r.name, r.shortName, r.nameEn, r.code, r.filingPrefix, ...aliases]);
    if (within) batch.rel('WITHIN', 'Region', key, 'Region', within, {}, regionDoc.source.key);
  }

  const aliases = aliasTable();
  batch.node('Source', aliases.source.key, sourceProps(aliases.source), null);
  aliases.addTo(names);
  const variants = new Map(aliases.variants.map((v) => [`${v.label}\u0000${v.variant}`, v.note]));

  const report = readJson<ReportDoc>('report.json');
  const rootKey = report.source.key;
  batch.node('Source', rootKey, sourceProps(report.source), null);
  for (const s of report.sections) {
    const key = sectionKey(rootKey, s.n);
    batch.node(
      'Source',
      key,
      sourceProps(report.source, {
        title: `${report.source.title} · ${s.title}`,
        section: s.title,
        sectionNumber: s.n,
      }),
      null,
    );
    batch.rel('PART_OF', 'Source', key, 'Source', rootKey, {}, null);
  }

  const resolve = (label: string, name: string): string => names.find(label, name) ?? name;
  for (const n of report.nodes) {
    const { label, name, s, aliases: own = [], ...props } = n;
    const key = resolve(label, name);
    const nodeProps: Props = { name: key, ...props };
    if (variants.has(`${label}\u0000${name}`)) nodeProps.variantNames = [name];
    const aliasSet = [...own, ...(key !== name ? [name] : [])];
    batch.node(label, key, nodeProps, sectionKey(rootKey, s), aliasSet);
    names.add(label, key, [key, name, ...aliasSet]);
  }
  for (const [fromLabel, fromName, type, toLabel, toName, s, props] of report.rels) {
    const from = resolve(fromLabel, fromName);
    const to = resolve(toLabel, toName);
    const source = sectionKey(rootKey, s);
    batch.rel(type, fromLabel, from, toLabel, to, props, source);
    // A section that names both ends of a relationship states that they exist, too.
    for (const [label, key] of [
      [fromLabel, from],
      [toLabel, to],
    ]) {
      if (label !== 'Region') batch.node(label, key, {}, source);
    }
  }
  addClaims(batch, report.claims, (c) => sectionKey(rootKey, c.s ?? 0), resolve);

  const inferences = report.inferences;
  batch.node('Source', inferences.source.key, sourceProps(inferences.source), null);
  for (const [fromLabel, fromName, type, toLabel, toName, props, reason] of inferences.rels) {
    batch.rel(
      type,
      fromLabel,
      resolve(fromLabel, fromName),
      toLabel,
      resolve(toLabel, toName),
      { ...props, inferred: true, reason },
      inferences.source.key,
    );
  }

  // Figures stated outside the report: the CAC's announced totals, and the batch structure
  // and per-属地 counts of the book that quotes the CAC's attachments.
  for (const file of ['cac-totals.json', 'registry-book.json']) {
    const doc = readJson<{ source: SourceDoc; claims: ClaimDoc[] }>(file);
    batch.node('Source', doc.source.key, sourceProps(doc.source), null);
    addClaims(batch, doc.claims, () => doc.source.key, resolve);
  }

  return batch;
}

function addClaims(
  batch: GraphBatch,
  claims: ClaimDoc[],
  sourceOf: (c: ClaimDoc) => string,
  resolve: (l: string, n: string) => string,
): void {
  for (const c of claims) {
    const sourceKey = sourceOf(c);
    const about = c.about.map(([label, name]) => [label, resolve(label, name)] as const);
    const key = claimKey(
      sourceKey,
      c,
      about.map(([l, k]) => `${l}:${k}`),
    );
    batch.node(
      'Claim',
      key,
      {
        name: `${c.metric} ${c.quote}`,
        metric: c.metric,
        value: c.value ?? null,
        valueMax: c.valueMax ?? null,
        valueText: c.valueText ?? null,
        comparator: c.comparator ?? 'EQ',
        unit: c.unit,
        asOf: c.asOf ?? null,
        period: c.period ?? null,
        quote: c.quote,
        sourceKey,
      },
      sourceKey,
    );
    for (const [position, [label, k]] of about.entries())
      batch.rel('ABOUT', 'Claim', key, label, k, { position }, sourceKey);
  }
}
