import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { ClaimRow } from '../claim/rows';
import { fromGlobalId, toGlobalId } from '../graph/ids';
import { AUDIT_PROPERTIES, type Label } from '../graph/vocabulary';
import { toConnection } from './connection';
import type { Context } from './context';
import { type PageArgs, pageRequest } from './paging';
import { prefetchPlan, RELATION, type RelationResolver } from './prefetch';
import { type Projection, projection, reads, WHOLE_ROWS } from './projection';
import type { ConnectionRow, EntityRow, RelRow } from './rows';
import { selectedPaths } from './selection';
import type { EntityType, Relation } from './types';

/** A relationship's own properties, without the row's bookkeeping (__type, sourceKeys); audit fields only for callers with credentials. */
export const relationshipProperties = (rel: Record<string, unknown>, ctx: Context): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(rel).filter(
      ([k]) => !k.startsWith('__') && k !== 'sourceKeys' && (ctx.principal !== null || !AUDIT_PROPERTIES.includes(k)),
    ),
  );

/** Sources by key, in the order given, missing ones dropped. */
export async function loadSources(ctx: Context, keys: readonly string[] | null | undefined): Promise<EntityRow[]> {
  if (!keys || keys.length === 0) return [];
  const rows = await ctx.loaders.byKey('Source').loadMany([...keys]);
  return rows.filter((r): r is EntityRow => r !== null && !(r instanceof Error));
}

/** The fields every entity type shares. */
export function entityFields(label: Label) {
  return {
    id: reads(['key'], (row: EntityRow) => toGlobalId(label, row.key)),
    aliases: reads(['aliases'], (row: EntityRow) => row.aliases ?? []),
    sources: reads(['sourceKeys'], (row: EntityRow, _args: unknown, ctx: Context) => loadSources(ctx, row.sourceKeys)),
    claims: reads(['key'], (row: EntityRow, _args: unknown, ctx: Context) =>
      ctx.loaders.grouped('claim/about', { label }, {}, (r) => r.claim as ClaimRow).load(row.key),
    ),
  };
}

/** A field of a list of stored strings, [] when the property is unset. */
export const storedList = (property: string) =>
  reads([property], (row: EntityRow) => (row[property] as string[] | undefined) ?? []);

/**
 * Whether a connection's page is selected at all: a query asking only for totalCount (a
 * dashboard's counts) reads no rows (sorting a region's 100,000 models for a page nobody
 * sees took most of a second at 1000x).
 */
function pageSelected(info: GraphQLResolveInfo): boolean {
  for (const path of selectedPaths(info, 1)) if (path !== 'totalCount' && path !== '__typename') return true;
  return false;
}

/** What a connection's selection asks of its page: rows at all, and what each must carry. */
interface Asked {
  page: boolean;
  projection: Projection;
}

/**
 * Worked out once per level, not once per parent row: graphql-js hands every parent of a level
 * the same field nodes (a nested list's 200 models asked it 200 times, about 1 µs each).
 */
const askedOf = new WeakMap<readonly FieldNode[], Asked>();

function asked(info: GraphQLResolveInfo | undefined, label: Label): Asked {
  if (!info) return { page: true, projection: WHOLE_ROWS };
  let out = askedOf.get(info.fieldNodes);
  if (!out) {
    out = {
      page: pageSelected(info),
      projection: projection(
        info,
        label,
        info.fieldNodes.map((f) => f.selectionSet),
      ),
    };
    askedOf.set(info.fieldNodes, out);
  }
  return out;
}

/**
 * A relationship field as a connection, batched over all parents of the level; the
 * connections selected under its nodes are read in the same statement (src/entity/prefetch.ts),
 * unless its parent's statement read this page already.
 */
export function relationField(parent: Label, relation: Relation) {
  const resolve = async (
    row: EntityRow,
    args: PageArgs,
    ctx: Context,
    info?: GraphQLResolveInfo,
  ): Promise<ConnectionRow> => {
    const page = pageRequest(relation.target, args);
    const wants = asked(info, relation.target.label);
    const fetched = wants.page
      ? (
          await ctx.loaders
            .related(parent, relation, page, wants.projection, () =>
              prefetchPlan(info, relation.target.label, ctx.config.limits.lookAheadLevels),
            )
            .load(row.key)
        ).rows
      : [];
    return toConnection(fetched, page, () => ctx.loaders.relatedCount(parent, relation, page).load(row.key));
  };
  (resolve as RelationResolver)[RELATION] = { parent, relation };
  return reads(['key'], resolve);
}

export function listField(type: EntityType) {
  return async (_parent: unknown, args: PageArgs, ctx: Context, info?: GraphQLResolveInfo): Promise<ConnectionRow> => {
    const page = pageRequest(type, args);
    const wants = asked(info, type.label);
    const rows = wants.page
      ? await ctx.loaders.list(
          type,
          page,
          wants.projection,
          prefetchPlan(info, type.label, ctx.config.limits.lookAheadLevels),
        )
      : [];
    return toConnection(
      rows.map((row) => ({ row, rel: null as RelRow | null })),
      page,
      () => ctx.loaders.count(type, page),
    );
  };
}

/** Lookup by global id: null when missing or when the id names another type. */
export function byIdField(label: Label) {
  return async (_parent: unknown, args: { id: string }, ctx: Context): Promise<EntityRow | null> => {
    const { type, key } = fromGlobalId(args.id);
    return type === label ? ctx.loaders.byKey(label).load(key) : null;
  };
}

export function byNameField(label: Label) {
  return (_parent: unknown, args: { name: string }, ctx: Context): Promise<EntityRow | null> =>
    ctx.loaders.byName(label).load(args.name.trim());
}

/** Query fields of an entity type: by id, by name, and the list. */
export function entityQueries(type: EntityType, single: string, plural: string) {
  return {
    [single]: byIdField(type.label),
    [`${single}ByName`]: byNameField(type.label),
    [plural]: listField(type),
  };
}
