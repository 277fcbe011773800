import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import { DEFAULT_PAGE, pageSize } from '../entity/paging';
import type { EntityRow } from '../entity/rows';
import { badInput } from '../errors';
import { ENTITY_LABELS } from '../graph/vocabulary';
import type { SearchHitRow } from './rows';

/**
 * User text as a Lucene query that holds no syntax: each word becomes a quoted phrase
 * (inside quotes only `\\` and `"` are special, and they are escaped) and the phrases are
 * joined by an explicit OR. Operators (AND, OR, NOT, TO, &&, ||), wildcards, ranges and
 * fields are then words like any other; an unquoted word such as OR would be parsed as
 * an operator, and two adjacent phrases whose second is a stop word match nothing.
 */
export function luceneQuery(text: string): string {
  return text
    .split(/\s+/u)
    .filter(Boolean)
    .map((word) => `"${word.replace(/[\\"]/g, (c) => `\\${c}`)}"`)
    .join(' OR ');
}

const SINGLE_CJK = /^\p{Script=Han}$/u;

export async function search(
  db: Database,
  meter: QueryMeter,
  args: { text: string; types?: readonly string[] | null; first?: number | null },
): Promise<SearchHitRow[]> {
  const text = args.text.normalize('NFKC').trim();
  if (text === '') throw badInput('text', 'must contain at least one non-space character');
  if (text.length > 200) throw badInput('text', 'must be at most 200 characters');
  const first = pageSize(args.first, DEFAULT_PAGE);
  const labels = args.types?.length ? [...args.types] : [...ENTITY_LABELS];
  const statement = SINGLE_CJK.test(text) ? cypher('search/substring') : cypher('search/fulltext');
  const rows = await db.read<{ score: number; row: EntityRow }>(
    statement,
    { query: luceneQuery(text), text, labels, first },
    { meter },
  );
  return rows.map((r) => ({ score: Number(r.score), node: r.row }));
}
