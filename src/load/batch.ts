/**
 * A graph to be written: nodes keyed by (label, key), relationships by their endpoints
 * and type. Adding the same fact twice merges it (sources and aliases are unions), so
 * building a batch is deterministic and writing it is idempotent.
 */
export type Props = Record<string, string | number | boolean | string[] | null>;

export interface NodeRecord {
  label: string;
  key: string;
  props: Props;
  aliases: Set<string>;
  sourceKeys: Set<string>;
}

export interface RelRecord {
  type: string;
  fromLabel: string;
  from: string;
  toLabel: string;
  to: string;
  props: Props;
  sourceKeys: Set<string>;
}

export class GraphBatch {
  readonly nodes = new Map<string, NodeRecord>();
  readonly rels = new Map<string, RelRecord>();

  node(label: string, key: string, props: Props, sourceKey: string | null, aliases: Iterable<string> = []): NodeRecord {
    const id = `${label}\u0000${key}`;
    let record = this.nodes.get(id);
    if (!record) {
      record = { label, key, props: {}, aliases: new Set(), sourceKeys: new Set() };
      this.nodes.set(id, record);
    }
    for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== null) record.props[k] = v;
    for (const a of aliases) record.aliases.add(a);
    if (sourceKey) record.sourceKeys.add(sourceKey);
    return record;
  }

  rel(
    type: string,
    fromLabel: string,
    from: string,
    toLabel: string,
    to: string,
    props: Props,
    sourceKey: string | null,
  ): RelRecord {
    const id = [type, fromLabel, from, toLabel, to].join('\u0000');
    let record = this.rels.get(id);
    if (!record) {
      record = { type, fromLabel, from, toLabel, to, props: {}, sourceKeys: new Set() };
      this.rels.set(id, record);
    }
    for (const [k, v] of Object.entries(props)) if (v !== undefined && v !== null) record.props[k] = v;
    if (sourceKey) record.sourceKeys.add(sourceKey);
    return record;
  }
}
