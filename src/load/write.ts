import { cypher } from '../db/cypher';
import type { Database, WriteTx } from '../db/database';
import { nameKeysOf, namesOf } from '../graph/names';
import { assertLabel, assertRelType } from '../graph/vocabulary';
import { aliasTable } from './aliases';
import type { GraphBatch, NodeRecord, RelRecord } from './batch';

const CHUNK = 2000;

function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const nodeRow = (n: NodeRecord) => ({
  key: n.key,
  props: n.props,
  aliases: [...n.aliases],
  nameKeys: nameKeysOf(n.label, namesOf(n.props, n.aliases, n.key)),
  sourceKeys: [...n.sourceKeys],
});
const relRow = (r: RelRecord) => ({ from: r.from, to: r.to, props: r.props, sourceKeys: [...r.sourceKeys] });

/**
 * Writes nodes first, then relationships, each label or type with batched UNWIND statements.
 * Every batch passes here, whichever source it comes from, so this is where the alias
 * table reaches every entity it names.
 */
export async function writeBatchInTx(tx: WriteTx, batch: GraphBatch): Promise<{ nodes: number; rels: number }> {
  aliasTable().applyTo(batch);
  let nodes = 0;
  let rels = 0;
  for (const [label, group] of groupBy(batch.nodes.values(), (n) => n.label)) {
    const statement = cypher('load/merge-nodes', { label: assertLabel(label) });
    for (const part of chunks(group)) {
      const [row] = await tx.run(statement, { rows: part.map(nodeRow) });
      nodes += Number(row.count);
    }
  }
  for (const group of groupBy(batch.rels.values(), (r) => `${r.type}|${r.fromLabel}|${r.toLabel}`).values()) {
    const { type, fromLabel, toLabel } = group[0];
    const statement = cypher('load/merge-rels', {
      type: assertRelType(type),
      from: assertLabel(fromLabel),
      to: assertLabel(toLabel),
    });
    for (const part of chunks(group)) {
      const [row] = await tx.run(statement, { rows: part.map(relRow) });
      const missing = (row as { missing: number[] }).missing;
      if (missing.length) {
        const r = part[missing[0]];
        throw new Error(
          `${missing.length} ${type} relationship(s) point at nodes that do not exist, e.g. (${fromLabel} "${r.from}")-[:${type}]->(${toLabel} "${r.to}")`,
        );
      }
      rels += Number(row.count);
    }
  }
  return { nodes, rels };
}

export function writeBatch(db: Database, batch: GraphBatch): Promise<{ nodes: number; rels: number }> {
  return db.writeTransaction((tx) => writeBatchInTx(tx, batch), { timeoutMs: 600_000 });
}
