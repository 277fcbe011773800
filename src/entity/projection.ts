import {
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  getNullableType,
  isListType,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import type { Label } from '../graph/vocabulary';
import { connectionSelection } from './selection';

/**
 * Rows of a page read without what their selected fields do not need. A stored node carries
 * every spelling it answers to, its sources and more (a model: some 30 strings); a page
 * asking for names read them all, and decoding them cost the server more than the rest of
 * the request. Each field says what it reads of its row: a field the schema resolves
 * by default reads its own property (marked when the schema is built, graphql/federation.ts),
 * a resolver says it with `reads`; a field that says nothing (its resolver may read anything)
 * makes the page read whole rows. `key` is always read: ids, cursors and loaders use it.
 * Only page rows are projected: lookups by key and name read whole rows, since their
 * loaders are shared by every field of a request.
 */
export const READS = Symbol('reads');

export interface ReadsResolver {
  [READS]?: readonly string[];
}

const PROPERTY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Marks a field resolver with the stored properties of its row it reads (and nothing else). */
export function reads<F extends object>(properties: readonly string[], resolve: F): F {
  for (const p of properties) if (!PROPERTY.test(p)) throw new Error(`reads: "${p}" is not a property name`);
  (resolve as ReadsResolver)[READS] = properties;
  return resolve;
}

export interface Projection {
  /** The node properties each row carries (its type's light row), or null for all of them. */
  properties: readonly string[] | null;
  /** Whether each row carries its relationship's properties (an edge's relationship is selected). */
  relationship: boolean;
}

/** Whole rows: what a page reads when nothing tells what its fields need. */
export const WHOLE_ROWS: Projection = { properties: null, relationship: true };

/**
 * A type's light row: the properties its single-valued fields read (key among them), without
 * the stored lists (aliases, sources, spellings, ...), which weigh most of a row. A page whose
 * fields all fit it reads it; any other reads whole rows. Two shapes per type, never one per
 * selection: each statement text is planned (and cached) by Neo4j, and a caller choosing
 * fields must not be able to make every request a new plan.
 */
const lightRows = new WeakMap<GraphQLObjectType, readonly string[]>();

function lightRow(type: GraphQLObjectType): readonly string[] {
  let row = lightRows.get(type);
  if (!row) {
    const properties = new Set(['key']);
    for (const field of Object.values(type.getFields())) {
      const needs = (field.extensions as ReadsResolver)[READS];
      const list = isListType(getNullableType(field.type));
      if (needs && (!list || (needs.length === 1 && needs[0] === 'key'))) for (const p of needs) properties.add(p);
    }
    row = [...properties].sort();
    lightRows.set(type, row);
  }
  return row;
}

/** What the nodes of a connection of `label`s carry, from the connection's selection sets. */
export function projection(
  info: GraphQLResolveInfo | undefined,
  label: Label,
  sets: readonly (SelectionSetNode | undefined)[],
): Projection {
  if (!info) return WHOLE_ROWS;
  const type = info.schema.getType(label);
  if (!isObjectType(type)) return WHOLE_ROWS;
  const { nodeFields, relationship } = connectionSelection(info, sets);
  const light = lightRow(type);
  const fields = type.getFields();
  for (const node of nodeFields) {
    if (node.name.value === '__typename') continue;
    const needs = (fields[node.name.value]?.extensions as ReadsResolver | undefined)?.[READS];
    if (!needs?.every((p) => light.includes(p))) return { properties: null, relationship };
  }
  return { properties: light, relationship };
}

/** The statement slots of a projection: {{props}} inside the node's map projection, {{rel}} the relationship's map. */
export function projectionSlots(p: Projection): { props: string; rel: string } {
  return {
    props: p.properties ? p.properties.map((name) => `.\`${name}\``).join(', ') : '.*',
    rel: p.relationship ? 'r {.*, __type: type(r)}' : '{__type: type(r)}',
  };
}

/** A projection as part of a loader's id: pages read with different projections are different entries. */
export const projectionId = (p: Projection): string => `${p.properties?.join(',') ?? '*'}|${p.relationship ? 'r' : ''}`;
