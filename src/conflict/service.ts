import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import { pageSize } from '../entity/paging';
import { type Label, typesBetween } from '../graph/vocabulary';
import type { StatedRelationshipRow } from '../source/rows';
import type { ConflictRow, UnmatchedNameRow } from './rows';

/** Each rule is one statement; a conflict is found by the data, never typed in. */
const RULES: Record<string, string> = {
  VALUE_MISMATCH: 'conflict/claim-values',
  SHARE_INCONSISTENT: 'conflict/share-vs-count',
  RANKING_INCONSISTENT: 'conflict/ranking-vs-counts',
  PARTIAL_BREAKDOWN: 'conflict/breakdown-sum',
  LOCATION_MISMATCH: 'conflict/company-region',
  COUNT_MISMATCH: 'conflict/period-count',
  NAME_VARIANT: 'conflict/name-variants',
};

/** Shares are stated to two decimals of a percent; a larger gap is a real disagreement. */
const SHARE_TOLERANCE = 0.0005;

export async function findConflicts(
  db: Database,
  meter: QueryMeter,
  kinds?: readonly string[] | null,
): Promise<ConflictRow[]> {
  const wanted = kinds?.length ? kinds : Object.keys(RULES);
  const results = await Promise.all(
    wanted.map((kind) => db.read<ConflictRow>(cypher(RULES[kind]), { tolerance: SHARE_TOLERANCE }, { meter })),
  );
  return results.flat();
}

export async function unmatchedNames(
  db: Database,
  meter: QueryMeter,
  label: Label,
  first: number,
): Promise<UnmatchedNameRow[]> {
  pageSize(first, first);
  return db.read<UnmatchedNameRow>(cypher('conflict/unmatched-names', { label }), { first }, { meter });
}

export async function relationshipsBetween(
  db: Database,
  meter: QueryMeter,
  a: { label: string; key: string },
  b: { label: string; key: string },
): Promise<StatedRelationshipRow[]> {
  // Labels no relationship type joins: nothing to read (two hubs, 北京市 and 民营企业, say).
  const types = typesBetween(a.label, b.label);
  if (types.length === 0) return [];
  return db.read<StatedRelationshipRow>(cypher('conflict/between'), { a, b, types }, { meter });
}
