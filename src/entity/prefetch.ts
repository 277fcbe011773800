import {
  type GraphQLField,
  type GraphQLResolveInfo,
  getArgumentValues,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { compose, cypher, type Statement } from '../db/cypher';
import type { Label } from '../graph/vocabulary';
import { type PageArgs, type PageRequest, pageRequest } from './paging';
import { type Projection, projection, projectionSlots } from './projection';
import { connectionSelection, fieldsOf } from './selection';
import type { Relation } from './types';

/**
 * Nested connections read with their parent (look-ahead): a list or relationship page whose
 * query selects, under its nodes, relationship connections of the node type (Company.models,
 * Model.industries, their totalCount) reads them in the same statement, level inside level,
 * and primes the per-request loaders with what it read, so the nested resolvers find their
 * pages and counts without a round trip of their own. What is not read ahead (a field with a
 * resolver of its own, a level past MAX_LEVELS, arguments a resolver will refuse) is read by
 * its resolver as before: look-ahead only ever saves statements, it never changes an answer.
 */

/**
 * Marks a relationship connection's resolver with what it reads (entity/resolvers.ts
 * relationField); the schema carries the mark in the field's extensions (graphql/federation.ts).
 */
export const RELATION = Symbol('relation');

export interface RelationResolver {
  [RELATION]?: { parent: Label; relation: Relation };
}

/** One nested connection to read ahead, for every node of its parent level. */
export interface Prefetch {
  parent: Label;
  relation: Relation;
  page: PageRequest;
  /** Its page is selected (anything beyond totalCount). */
  rows: boolean;
  /** Its totalCount is selected. */
  total: boolean;
  /** What its rows carry (src/entity/projection.ts). */
  projection: Projection;
  children: Prefetch[];
}

/** Whether a connection's selection asks for its page, and for its totalCount. */
function asked(info: GraphQLResolveInfo, set: SelectionSetNode | undefined): { rows: boolean; total: boolean } {
  let rows = false;
  let total = false;
  fieldsOf(info, set, (f) => {
    if (f.name.value === 'totalCount') total = true;
    else if (f.name.value !== '__typename') rows = true;
  });
  return { rows, total };
}

function plan(
  info: GraphQLResolveInfo,
  label: Label,
  sets: readonly (SelectionSetNode | undefined)[],
  levels: number,
): Prefetch[] {
  if (levels <= 0) return [];
  const type = info.schema.getType(label);
  if (!isObjectType(type)) return [];
  const out: Prefetch[] = [];
  for (const node of connectionSelection(info, sets).nodeFields) {
    const field = type.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined;
    const marked = (field?.extensions as RelationResolver | undefined)?.[RELATION];
    if (!field || !marked) continue;
    let page: PageRequest;
    try {
      page = pageRequest(marked.relation.target, getArgumentValues(field, node, info.variableValues) as PageArgs);
    } catch {
      continue; // Its resolver refuses the arguments, naming them.
    }
    const { rows, total } = asked(info, node.selectionSet);
    if (!rows && !total) continue;
    out.push({
      ...marked,
      page,
      rows,
      total,
      projection: projection(info, marked.relation.target.label, [node.selectionSet]),
      children: rows ? plan(info, marked.relation.target.label, [node.selectionSet], levels - 1) : [],
    });
  }
  return out;
}

/** What to read ahead, `levels` deep, under the connection being resolved, whose nodes are `label`s. */
export function prefetchPlan(info: GraphQLResolveInfo | undefined, label: Label, levels: number): Prefetch[] {
  if (!info) return [];
  return plan(
    info,
    label,
    info.fieldNodes.map((f) => f.selectionSet),
    levels,
  );
}

export const relationPattern = (relation: Relation): string =>
  relation.direction === 'OUT' ? `-[r:${relation.type}]->` : `<-[r:${relation.type}]-`;

/** The statement parts that read `children` for each node n of a level, with their parameters and output map. */
export interface NestedRead {
  parts: Statement[];
  /** The Cypher map of the children's outputs ({c0: c0, t1: t1}), or null. */
  nested: string;
  params: Record<string, unknown>;
}

export function nestedRead(children: readonly Prefetch[], prefix = ''): NestedRead {
  const parts: Statement[] = [];
  const params: Record<string, unknown> = {};
  const outputs: string[] = [];
  const of = `q_${prefix}`;
  children.forEach((child, i) => {
    const own = `${prefix}c${i}_`;
    const target = child.relation.target;
    const common = { of, pattern: relationPattern(child.relation), label: target.label, where: target.whereFile };
    params[`${own}where`] = child.page.where;
    if (child.rows) {
      const below = nestedRead(child.children, own);
      parts.push(
        compose(
          'entity/related-page',
          {
            ...common,
            rows: `c${i}`,
            sort: child.page.sort,
            dir: child.page.dir,
            cmp: child.page.dir === 'ASC' ? '>' : '<',
            nested: below.nested,
            ...projectionSlots(child.projection),
          },
          { prefix: own, parts: { children: below.parts } },
        ),
      );
      Object.assign(params, below.params, { [`${own}after`]: child.page.after, [`${own}limit`]: child.page.limit + 1 });
      outputs.push(`c${i}: c${i}`);
    }
    if (child.total) {
      parts.push(compose('entity/related-total', { ...common, total: `t${i}` }, { prefix: own }));
      params[`${own}stored`] = Object.keys(child.page.where).length === 0;
      outputs.push(`t${i}: t${i}`);
    }
  });
  if (parts.length) parts.unshift(cypher('entity/nested-parent', { of }));
  return { parts, nested: outputs.length ? `{${outputs.join(', ')}}` : 'null', params };
}
