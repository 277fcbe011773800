import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { addResolversToSchema } from '@graphql-tools/schema';
import { type GraphQLFieldResolver, type GraphQLSchema, isObjectType, parse } from 'graphql';
import type { Context } from '../entity/context';
import { READS, type ReadsResolver } from '../entity/projection';
import type { EntityRow } from '../entity/rows';
import { AppError, badInput, ErrorCode } from '../errors';
import { fromGlobalId } from '../graph/ids';
import { ENTITY_LABELS, type Label } from '../graph/vocabulary';

/**
 * The API as an Apollo Federation 2 subgraph: every entity type is keyed by its global id and
 * by its natural key (both unique), so a supergraph can join it from either, and another
 * subgraph can add fields to Company, Model, ... The directives are added here, from the one
 * list of entity labels, not written into schema/*.graphql: the SDL stays plain GraphQL for
 * codegen and the linters, and a new entity type is keyed without a second list.
 */
export function federationTypeDefs(): string {
  return [
    'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])',
    ...ENTITY_LABELS.map((label) => `extend type ${label} @key(fields: "id") @key(fields: "key")`),
  ].join('\n');
}

/** A representation the router sends: the type and the fields of one of its keys. */
interface Reference {
  __typename: string;
  id?: unknown;
  key?: unknown;
}

/**
 * Resolves a representation through the request's loaders (batched with every other one);
 * async, so a bad representation fails its own item, not the whole list.
 */
function resolveReference(label: Label) {
  return async (reference: Reference, ctx: Context): Promise<EntityRow | null> => {
    if (typeof reference.id === 'string') {
      const { type, key } = fromGlobalId(reference.id, 'representations.id');
      return type === label ? ctx.loaders.byKey(label).load(key) : null;
    }
    if (typeof reference.key === 'string') return ctx.loaders.byKey(label).load(reference.key);
    throw badInput('representations', `a ${label} representation needs its "id" or its "key" (a string)`);
  };
}

/** One resolver map from the modules' maps (a scalar or enum map is taken whole). */
function merged(modules: readonly object[]): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const module of modules)
    for (const [type, fields] of Object.entries(module as Record<string, Record<string, unknown>>)) {
      const plain = Object.getPrototypeOf(fields) === Object.prototype;
      out[type] = plain ? { ...(out[type] ?? {}), ...fields } : fields;
    }
  return out;
}

/**
 * What a resolver function carries under a symbol (a relationship connection's relation, read
 * by src/entity/prefetch.ts) goes to its schema field's extensions: the schema holds the
 * resolvers bound, which carry no properties of the originals.
 */
function carryMarks(schema: GraphQLSchema, map: Record<string, Record<string, unknown>>): void {
  for (const [typeName, fields] of Object.entries(map)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const [name, resolver] of Object.entries(fields)) {
      const field = type.getFields()[name];
      if (!field || typeof resolver !== 'function') continue;
      const marks = Object.getOwnPropertySymbols(resolver).map((s) => [s, (resolver as never)[s]] as const);
      if (marks.length) Object.assign(field, { extensions: { ...field.extensions, ...Object.fromEntries(marks) } });
    }
  }
}

/**
 * A field of an entity type resolved by default reads its own stored property, and only it:
 * marked so that pages read only what their selected fields need (src/entity/projection.ts).
 * Decided here, where the schema is built: Apollo may wrap every resolver later.
 */
function markStoredFields(schema: GraphQLSchema): void {
  for (const label of ENTITY_LABELS) {
    const type = schema.getType(label);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.resolve !== undefined || (field.extensions as ReadsResolver)[READS]) continue;
      Object.assign(field, { extensions: { ...field.extensions, [READS]: [field.name] } });
    }
  }
}

/**
 * The served schema: the SDL with the federation keys, the resolvers, `_entities` resolving
 * representations through the loaders, and `_service { sdl }`, which says as much as
 * introspection and so answers only where introspection is on or to a caller with a key.
 */
export function buildApiSchema(
  typeDefs: readonly string[],
  resolvers: readonly object[],
  introspection: boolean,
): GraphQLSchema {
  const references = Object.fromEntries(
    ENTITY_LABELS.map((label) => [label, { __resolveReference: resolveReference(label) }]),
  );
  // The subgraph library adds _entities, _service and the references; graphql-tools adds the
  // rest, as Apollo does for a plain schema (it also re-reads enum defaults such as
  // `types: [EntityLabel!] = [COMPANY]` once EntityLabel's values are the labels).
  const subgraph = buildSubgraphSchema([
    {
      typeDefs: parse([...typeDefs, federationTypeDefs()].join('\n')),
      resolvers: references as GraphQLResolverMap<Context>,
    },
  ]);
  const map = merged(resolvers);
  const schema = addResolversToSchema({ schema: subgraph, resolvers: map });
  carryMarks(schema, map);
  markStoredFields(schema);
  const service = schema.getQueryType()?.getFields()._service;
  const sdl = service?.resolve as GraphQLFieldResolver<unknown, Context> | undefined;
  if (service && sdl)
    service.resolve = (parent, args, ctx, info) => {
      if (!introspection && !ctx.principal)
        throw new AppError(
          ErrorCode.UNAUTHENTICATED,
          '_service describes the schema, as introspection does, which is off here: send an API key (x-api-key) or a bearer token.',
        );
      return sdl(parent, args, ctx, info);
    };
  return schema;
}
