/** What a walk may walk: the client's filter checked against the vocabulary, and the as-of slot. */
import { badInput } from '../errors';
import { ENTITY_LABELS, REL_TYPES } from '../graph/vocabulary';
import type { WalkScope } from './walk';

/** Relationships a path may walk by default: every entity relationship (claims and sources are not paths). */
const WALKABLE = Object.keys(REL_TYPES).filter((t) => t !== 'ABOUT');

export interface PathFilter {
  allowedRelationships?: readonly string[] | null;
  forbiddenRelationships?: readonly string[] | null;
  allowedLabels?: readonly string[] | null;
  forbiddenLabels?: readonly string[] | null;
}

/** Relationship types and labels a path may walk, checked against the vocabulary; sent as parameters. */
export function pathFilter(filter: PathFilter | null | undefined): { types: string[]; labels: string[] } {
  const pick = (
    all: readonly string[],
    allowed: readonly string[] | null | undefined,
    forbidden: readonly string[] | null | undefined,
    argument: string,
  ) => {
    for (const v of [...(allowed ?? []), ...(forbidden ?? [])])
      if (!all.includes(v)) throw badInput(argument, `has unknown value ${v}`);
    const chosen = (allowed?.length ? allowed : all).filter((v) => !(forbidden ?? []).includes(v));
    if (chosen.length === 0) throw badInput(argument, 'leaves nothing a path could use');
    return [...chosen];
  };
  return {
    types: pick(WALKABLE, filter?.allowedRelationships, filter?.forbiddenRelationships, 'filter.relationships'),
    labels: pick(ENTITY_LABELS, filter?.allowedLabels, filter?.forbiddenLabels, 'filter.labels'),
  };
}

/** The as-of predicate a statement includes: a date's, or none at all (not a date of null). */
export const asOfSlot = (asOf: string | null | undefined) => (asOf ? 'graph/as-of' : 'graph/any-time');

/** The walk's scope: what it may walk, as statement parameters, and the as-of slot. */
export function scopeOf(filter: PathFilter | null | undefined, asOf: string | null | undefined): WalkScope {
  return { ...pathFilter(filter), asOf: asOf ?? null, asOfSlot: asOfSlot(asOf) };
}
