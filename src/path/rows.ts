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

export interface LinkRow {
  target: EntityRow;
  /** The best of `paths`: the one the score owes most to. */
  path: PathRow;
  paths: PathRow[];
  score: number;
  reason: string;
  reasonEn: string;
}
