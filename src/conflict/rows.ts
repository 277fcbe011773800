import type { EntityRow } from '../entity/rows';

export interface ConflictingClaimRow {
  statement: string;
  value: number | null;
  valueText: string | null;
  sourceKey: string;
  claimKey: string | null;
}

export interface ConflictRow {
  kind: string;
  description: string;
  subjects: EntityRow[];
  claims: ConflictingClaimRow[];
}

export interface UnmatchedNameRow {
  entity: EntityRow;
  candidates: EntityRow[];
}
