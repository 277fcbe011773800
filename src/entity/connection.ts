import { encodeCursor } from '../graph/ids';
import type { PageRequest } from './paging';
import type { ConnectionRow, EntityRow, RelRow } from './rows';

/**
 * Builds a connection from limit+1 fetched rows; the extra row only tells there is another
 * page in the reading direction. Backwards (last/before) the rows were read in reverse from
 * the cursor, so they are turned round and the extra row means a previous page.
 */
export function toConnection<T extends EntityRow>(
  fetched: { row: T; rel: RelRow | null }[],
  page: PageRequest,
  totalCount: () => Promise<number>,
): ConnectionRow<T> {
  const more = fetched.length > page.limit;
  const kept = fetched.slice(0, page.limit);
  if (page.backward) kept.reverse();
  const hasNextPage = page.backward ? page.after !== null : more;
  const hasPreviousPage = page.backward ? more : page.after !== null;
  const edges = kept.map(({ row, rel }) => ({
    cursor: encodeCursor({ sort: String(row.__sort ?? row.key), key: row.key }),
    node: row,
    relationship: rel,
  }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
