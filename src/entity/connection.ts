import { encodeCursor } from '../graph/ids';
import type { PageRequest } from './paging';
import type { ConnectionRow, EntityRow, RelRow } from './rows';

/** Builds a connection from limit+1 fetched rows; the extra row only tells there is a next page. */
export function toConnection<T extends EntityRow>(
  fetched: { row: T; rel: RelRow | null }[],
  page: PageRequest,
  totalCount: () => Promise<number>,
): ConnectionRow<T> {
  const hasNextPage = fetched.length > page.limit;
  const edges = fetched.slice(0, page.limit).map(({ row, rel }) => ({
    cursor: encodeCursor({ sort: String(row.__sort ?? row.key), key: row.key }),
    node: row,
    relationship: rel,
  }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
