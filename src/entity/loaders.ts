import DataLoader from 'dataloader';
import { compose, cypher } from '../db/cypher';
import type { Database, QueryMeter, Row } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { toGlobalId } from '../graph/ids';
import { lookupKeys, lucenePhrase } from '../graph/names';
import type { Label } from '../graph/vocabulary';
import type { PageRequest } from './paging';
import { nestedRead, type Prefetch, relationPattern } from './prefetch';
import { type Projection, projectionId, projectionSlots, WHOLE_ROWS } from './projection';
import type { EntityRow, RelRow } from './rows';
import { type EntityType, listPlan, type Relation } from './types';

export interface RelatedPage {
  rows: { row: EntityRow; rel: RelRow }[];
}

/** A row read with the nested pages and counts of its node (src/entity/prefetch.ts), keyed c0, t0, ... */
type Nested = Record<string, unknown> | null;

function pageSlots(type: EntityType, page: PageRequest): Record<string, string> {
  return {
    label: type.label,
    where: type.whereFile,
    sort: page.sort,
    dir: page.dir,
    cmp: page.dir === 'ASC' ? '>' : '<',
  };
}

/**
 * Per-request DataLoaders. Each batches with UNWIND and returns one entry per key in key
 * order, so N parents cost one round trip per level, not N.
 */
export class EntityLoaders {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(
    private readonly db: Database,
    private readonly meter: QueryMeter,
  ) {}

  private read<T extends object = Row>(file: string, slots: Record<string, string>, params: Row): Promise<T[]> {
    return this.db.read<T>(cypher(file, slots), params, { meter: this.meter });
  }

  /**
   * One value per key, in the keys' order, whatever order the rows came back in (Cypher
   * promises none after UNWIND and CALL): each row names its key.
   */
  private async byKeyOrder<R extends { key: string }, V>(
    keys: readonly string[],
    rows: Promise<R[]>,
    value: (row: R) => V,
    missing: V,
  ): Promise<V[]> {
    const found = new Map((await rows).map((r) => [r.key, value(r)]));
    return keys.map((k) => (found.has(k) ? (found.get(k) as V) : missing));
  }

  /** A per-request loader; a batch may answer an Error for a key (that key's load rejects with it). */
  private loader<V>(id: string, batch: (keys: readonly string[]) => Promise<(V | Error)[]>): DataLoader<string, V> {
    let loader = this.loaders.get(id) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(id, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  byKey(label: Label): DataLoader<string, EntityRow | null> {
    return this.loader(`byKey|${label}`, async (keys) => {
      const rows = this.read<{ key: string; row: EntityRow | null }>('entity/by-keys', { label }, { keys: [...keys] });
      return this.byKeyOrder(keys, rows, (r) => r.row, null);
    });
  }

  /**
   * An entity by a name as typed (src/graph/names.ts): null when nothing has that name, an
   * AppError listing the candidates when several have it (never one picked silently).
   */
  byName(label: Label): DataLoader<string, EntityRow | null> {
    return this.loader<EntityRow | null>(`byName|${label}`, async (names) => {
      const lookups = names.map((name) => ({
        name,
        queries: lookupKeys(label, name).map(lucenePhrase),
      }));
      const rows = this.read<{ name: string; rows: EntityRow[] }>('entity/by-names', { label }, { lookups });
      // Rows come back after an aggregation, whose order Cypher does not promise: match by name.
      return this.byKeyOrder(
        names,
        rows.then((rs) => rs.map((r) => ({ key: r.name, rows: r.rows }))),
        (r): EntityRow | null | Error => (r.rows.length > 1 ? ambiguous(label, r.key, r.rows) : (r.rows[0] ?? null)),
        null,
      );
    });
  }

  /**
   * A page of each parent's related nodes. `children` (the first caller's, asked only when the
   * batch runs: a primed page needs none) are read in the same statement and primed into their
   * own loaders; the loader is keyed without them, since a page is the same page whatever is
   * read beside it. It is keyed with its projection: rows read with some properties only serve
   * fields that need no others.
   */
  related(
    parent: Label,
    relation: Relation,
    page: PageRequest,
    projection: Projection = WHOLE_ROWS,
    children: () => readonly Prefetch[] = () => [],
  ): DataLoader<string, RelatedPage> {
    // Asked once per parent row: the id names the relation, the page (whose signature fixes
    // the sort) and the projection, and the statement's slots are built only when the batch runs.
    const id = `related|${parent}|${relation.direction}|${relation.type}|${relation.target.label}|${page.signature}|${projectionId(projection)}`;
    return this.loader(id, async (keys) => {
      const slots = {
        ...pageSlots(relation.target, page),
        ...projectionSlots(projection),
        parent,
        pattern: relationPattern(relation),
        of: 'p',
        rows: 'rows',
      };
      const nested = children();
      const below = nestedRead(nested);
      const statement = compose(
        'entity/related',
        { ...slots, nested: below.nested },
        { parts: { children: below.parts } },
      );
      const rows = await this.db.read<{ key: string; rows: (RelatedPage['rows'][number] & { nested: Nested })[] }>(
        statement,
        { keys: [...keys], where: page.where, after: page.after, limit: page.limit + 1, ...below.params },
        { meter: this.meter },
      );
      for (const r of rows) for (const child of r.rows) this.prime(nested, child.row.key, child.nested);
      return this.byKeyOrder(
        keys,
        Promise.resolve(rows),
        (r) => ({ rows: r.rows.map(({ row, rel }) => ({ row, rel })) }),
        { rows: [] },
      );
    });
  }

  /** Fills the loaders of a node's nested connections with what its parent's statement read. */
  private prime(children: readonly Prefetch[], key: string, nested: Nested): void {
    if (!nested) return;
    children.forEach((child, i) => {
      const page = nested[`c${i}`] as (RelatedPage['rows'][number] & { nested: Nested })[] | undefined;
      if (child.rows && page) {
        this.related(child.parent, child.relation, child.page, child.projection).prime(key, {
          rows: page.map(({ row, rel }) => ({ row, rel })),
        });
        for (const r of page) this.prime(child.children, r.row.key, r.nested);
      }
      const total = nested[`t${i}`];
      if (child.total && total !== undefined)
        this.relatedCount(child.parent, child.relation, child.page).prime(key, Number(total));
    });
  }

  relatedCount(parent: Label, relation: Relation, page: PageRequest): DataLoader<string, number> {
    const id = `relatedCount|${parent}|${relation.direction}|${relation.type}|${relation.target.label}|${JSON.stringify(page.where)}`;
    return this.loader(id, async (keys) => {
      const slots = {
        label: relation.target.label,
        where: relation.target.whereFile,
        parent,
        pattern: relationPattern(relation),
        of: 'p',
        total: 'total',
      };
      const rows = this.read<{ key: string; total: number }>('entity/related-count', slots, {
        keys: [...keys],
        where: page.where,
        stored: Object.keys(page.where).length === 0,
      });
      return this.byKeyOrder(keys, rows, (r) => Number(r.total), 0);
    });
  }

  /**
   * A page of a label's nodes, carrying what `projection` says; `children` are read in the same
   * statement and primed into their loaders.
   */
  async list(
    type: EntityType,
    page: PageRequest,
    projection: Projection = WHOLE_ROWS,
    children: readonly Prefetch[] = [],
  ): Promise<EntityRow[]> {
    const plan = listPlan(type, page.where, {
      field: page.field,
      sort: page.sort,
      dir: page.dir,
      after: page.after !== null,
    });
    const below = nestedRead(children);
    const statement = compose(
      'entity/list',
      { ...pageSlots(type, page), ...plan.slots, ...projectionSlots(projection), nested: below.nested },
      { parts: { children: below.parts } },
    );
    const rows = await this.db.read<{ row: EntityRow; nested: Nested }>(
      statement,
      { where: plan.rest, anchor: plan.anchor, after: page.after, limit: page.limit + 1, ...below.params },
      { meter: this.meter },
    );
    for (const r of rows) this.prime(children, r.row.key, r.nested);
    return rows.map((r) => r.row);
  }

  async count(type: EntityType, page: PageRequest): Promise<number> {
    const plan = listPlan(type, page.where);
    // Nothing or one anchor filters: the count and degree stores know the answer (entity/count).
    const stored = Object.keys(plan.rest).length > 0 ? null : plan.anchor === null ? 'label' : 'anchor';
    const [row] = await this.read<{ total: number }>('entity/count', plan.slots, {
      where: plan.rest,
      anchor: plan.anchor,
      stored,
    });
    return Number(row.total);
  }

  /** Any other batched read: one loader per statement file, rows grouped by a `key` column. */
  grouped<V>(file: string, slots: Record<string, string>, params: Row, pick: (row: Row) => V): DataLoader<string, V[]> {
    return this.loader(`grouped|${file}|${JSON.stringify(slots)}|${JSON.stringify(params)}`, async (keys) => {
      const rows = await this.read(file, slots, { ...params, keys: [...keys] });
      const groups = new Map<string, V[]>(keys.map((k) => [k, []]));
      for (const row of rows) groups.get(String(row.key))?.push(pick(row));
      return keys.map((k) => groups.get(k) ?? []);
    });
  }
}

/** A name that several entities answer to: said with the candidates (at most 6), for the caller to pick by id. */
function ambiguous(label: Label, name: string, rows: EntityRow[]): AppError {
  const candidates = rows.map((r) => ({ id: toGlobalId(label, String(r.key)), name: r.name }));
  return new AppError(
    ErrorCode.BAD_USER_INPUT,
    `"${name}" names ${rows.length >= 6 ? 'at least 6' : rows.length} ${label} entities (${candidates.map((c) => c.name).join(', ')}): look one up by its id${label === 'Model' ? ' or filing number' : ''}`,
    { argument: 'name', candidates },
  );
}
