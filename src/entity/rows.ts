/** Row shapes the entity Cypher returns (map projections of nodes and relationships). */
export interface EntityRow {
  __label: string;
  __sort?: string;
  key: string;
  name: string;
  nameEn?: string | null;
  aliases?: string[] | null;
  sourceKeys?: string[] | null;
  [property: string]: unknown;
}

export interface RelRow {
  __type: string;
  /** In a path: true when the relationship points along the path. */
  __forward?: boolean;
  sourceKeys?: string[] | null;
  [property: string]: unknown;
}

export interface EdgeRow<T extends EntityRow = EntityRow> {
  cursor: string;
  node: T;
  relationship: RelRow | null;
}

export interface ConnectionRow<T extends EntityRow = EntityRow> {
  edges: EdgeRow<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when asked for: the default resolver calls it. */
  totalCount: () => Promise<number>;
}
