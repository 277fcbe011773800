import type { EntityRow } from '../entity/rows';

export interface SearchHitRow {
  score: number;
  node: EntityRow;
}
