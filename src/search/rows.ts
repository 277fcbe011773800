import type { EntityRow } from '../entity/rows';

export interface SearchHitRow {
  score: number;
  node: EntityRow;
}

export interface NameCandidateRow extends SearchHitRow {
  match: boolean;
  how: 'NAME' | 'VARIANT' | 'DERIVED' | 'SIMILAR';
}

export interface NameResolutionRow {
  match: EntityRow | null;
  ambiguous: boolean;
  candidates: NameCandidateRow[];
}
