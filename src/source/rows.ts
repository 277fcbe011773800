import type { ClaimRow } from '../claim/rows';
import type { EntityRow } from '../entity/rows';

export interface StatedRelationshipRow {
  type: string;
  from: EntityRow;
  to: EntityRow;
  properties: Record<string, unknown>;
}

export interface SourceContentRow {
  entities: EntityRow[];
  relationships: StatedRelationshipRow[];
  claims: ClaimRow[];
}
