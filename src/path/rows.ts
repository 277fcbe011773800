import type { EntityRow, RelRow } from '../entity/rows';

export interface PathRow {
  nodes: EntityRow[];
  rels: RelRow[];
}

export interface PathStepRow {
  rel: RelRow;
  from: EntityRow;
  to: EntityRow;
}

export interface LinkRow {
  target: EntityRow;
  path: PathRow;
}
