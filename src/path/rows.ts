import type { EntityRow, RelRow } from '../entity/rows';

export type PathWalk = 'MEANINGFUL' | 'UNRESTRICTED';

export interface PathRow {
  nodes: EntityRow[];
  rels: RelRow[];
  /** Whether the path keeps the walk rules (src/graph/vocabulary.ts) or was asked for without them. */
  walk?: PathWalk;
}

export interface PathStepRow {
  rel: RelRow;
  from: EntityRow;
  to: EntityRow;
}

/** Why a policy applies to a company (src/policy/applicability.ts). */
export type ApplicabilityRule = 'NAMED' | 'SUBJECT' | 'LOCAL' | 'NATIONAL';
export type ApplicabilityBasis =
  | 'BASED_IN'
  | 'FILED_IN'
  | 'FILING_NUMBER'
  | 'REGISTERED_NAME'
  | 'CENTRAL_SOE'
  | 'FILING'
  | 'ENTERPRISE_TYPE';

export interface PolicyMatchRow {
  rule: ApplicabilityRule;
  /** How the company's standing was read, for jurisdiction rules; null for SUBJECT and NAMED. */
  basis: ApplicabilityBasis | null;
  /** The region through which the policy's jurisdiction reaches the company. */
  region: EntityRow | null;
  /** Real paths; between two of them stands the step `basis` names (a name or a number read). */
  evidence: PathRow[];
  reason: string;
  reasonEn: string;
  /** In (0, 1]: how specific the evidence is (schema: Link). */
  specificity: number;
}

export interface LinkRow {
  target: EntityRow;
  /** The best of `paths`: the one the score owes most to. */
  path: PathRow;
  paths: PathRow[];
  score: number;
  reason: string;
  reasonEn: string;
  /** For a policy reached from a company by rule; absent for other links. */
  rule?: ApplicabilityRule | null;
  matches?: PolicyMatchRow[] | null;
}
