import { cypher } from '../db/cypher';
import type { Database, QueryMeter } from '../db/database';
import type { Context } from '../entity/context';
import { DEFAULT_PAGE, pageSize } from '../entity/paging';
import type { EntityRow } from '../entity/rows';
import { AppError, badInput, ErrorCode } from '../errors';
import { fromEntityId, toGlobalId } from '../graph/ids';
import { lookupKeys, lucenePhrase, namesOf, normalizeName, similarityTo } from '../graph/names';
import { ENTITY_LABELS } from '../graph/vocabulary';
import type { NameCandidateRow, NameResolutionRow, SearchHitRow } from './rows';

const HAN = /\p{Script=Han}/u;

/**
 * The query the cjk index is asked, any term of which may match (ranking is by how much
 * matches, src/graph/names.ts similarityTo): each two-character run of Chinese (the index's
 * bigrams, so a name with a word more or less than the text still shares most of them), each
 * Latin word whole, and from three letters inside a longer word (GLM in ChatGLM). Everything
 * is quoted or a plain `*letters*` wildcard: no syntax of the user's reaches Lucene. Null when
 * the text has no Chinese character, letter or digit.
 */
export function fulltextQuery(text: string): string | null {
  const terms = new Set<string>();
  for (const run of normalizeName(text).match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (HAN.test(run)) {
      const chars = [...run];
      if (chars.length === 1) terms.add(lucenePhrase(run));
      for (let i = 0; i + 1 < chars.length; i++) terms.add(lucenePhrase(chars[i] + chars[i + 1]));
    } else {
      terms.add(lucenePhrase(run));
      if (/^[a-z0-9]{3,}$/.test(run)) terms.add(`*${run}*`);
    }
  }
  return terms.size ? [...terms].join(' OR ') : null;
}

/** Below this a candidate shares too little with the text to be offered (0: nothing, 1: the same name). */
const MIN_SIMILARITY = 0.3;
/** Candidates read from each index before ranking. */
const CANDIDATES = 200;

type MatchKind = 'NAME' | 'VARIANT' | 'DERIVED' | 'SIMILAR';

interface Ranked {
  row: EntityRow;
  /** 0: the exact name; then the position of the typed name's key among lookupKeys (+1); null: none. */
  tier: number | null;
  how: MatchKind;
  relevance: number;
  textScore: number;
}

/**
 * Ranks candidates as a typed name: a candidate one of whose name keys the text's keys hit is
 * a match, ranked by the strictest key (the exact name; a name it carries, as typed; a name
 * shortened or read in pinyin); the rest by how much of the text and their names match.
 */
function rank(text: string, keysOf: Map<string, string[]>, rows: { row: EntityRow; score: number }[]): Ranked[] {
  const typed = normalizeName(text);
  const similarity = similarityTo(text);
  const ranked: Ranked[] = [];
  for (const { row, score } of rows) {
    const keys = keysOf.get(row.__label) ?? [];
    const carried = new Set((row.nameKeys as string[] | null) ?? []);
    const hit = keys.findIndex((k) => carried.has(k));
    const tier = normalizeName(String(row.name)) === typed ? 0 : hit >= 0 ? hit + 1 : null;
    const likeness = Math.max(0, ...namesOf(row, row.aliases ?? []).map(similarity));
    if (tier === null && likeness < MIN_SIMILARITY) continue;
    ranked.push({
      row,
      tier,
      how: tier === 0 ? 'NAME' : tier === null ? 'SIMILAR' : keys[hit].startsWith('=') ? 'VARIANT' : 'DERIVED',
      // A match (2, less 0.1 a tier) outranks any likeness (at most 1).
      relevance: Math.round((tier === null ? likeness : 2 - tier * 0.1) * 1000) / 1000,
      textScore: score,
    });
  }
  return ranked.sort(
    (a, b) =>
      b.relevance - a.relevance ||
      b.textScore - a.textScore ||
      String(a.row.name).length - String(b.row.name).length ||
      String(a.row.key).localeCompare(String(b.row.key)),
  );
}

function checkText(raw: string, argument: string): string {
  const text = raw.normalize('NFKC').trim();
  if (text === '') throw badInput(argument, 'must contain at least one non-space character');
  if (text.length > 200) throw badInput(argument, 'must be at most 200 characters');
  return text;
}

/** Candidates for a text from both indexes, in one statement: its name keys, and its words. */
async function candidates(db: Database, meter: QueryMeter, text: string, labels: string[]): Promise<Ranked[]> {
  // Each label's keys, computed once: asked of the index together, and ranked by per label.
  const keysOf = new Map(labels.map((label) => [label, lookupKeys(label, text)]));
  const keys = [...new Set([...keysOf.values()].flat())];
  const rows = await db.read<{ score: number; row: EntityRow }>(
    cypher('search/fulltext'),
    {
      query: fulltextQuery(text),
      keys: keys.length ? keys.map(lucenePhrase).join(' OR ') : null,
      labels,
      limit: CANDIDATES,
    },
    { meter },
  );
  return rank(
    text,
    keysOf,
    rows.map((r) => ({ row: r.row, score: Number(r.score) })),
  );
}

const SINGLE_CJK = /^\p{Script=Han}$/u;

export async function search(
  db: Database,
  meter: QueryMeter,
  args: { text: string; types?: readonly string[] | null; first?: number | null },
): Promise<SearchHitRow[]> {
  const text = checkText(args.text, 'text');
  const first = pageSize(args.first, DEFAULT_PAGE);
  const labels = args.types?.length ? [...args.types] : [...ENTITY_LABELS];
  if (SINGLE_CJK.test(text)) {
    // One Chinese character is no bigram: matched as a substring of the names.
    const rows = await db.read<{ score: number; row: EntityRow }>(
      cypher('search/substring'),
      { text, labels, first },
      { meter },
    );
    return rows.map((r) => ({ score: Number(r.score), node: r.row }));
  }
  const ranked = await candidates(db, meter, text, labels);
  return ranked.slice(0, first).map((r) => ({ score: r.relevance, node: r.row }));
}

/** Most candidates resolveName offers. */
export const MAX_NAME_CANDIDATES = 20;

/**
 * A typed name resolved as the W3C Reconciliation API answers one: the entity when exactly one
 * matches at the strictest level anything matches (match: true), else the candidates ranked —
 * several matches (ambiguous, none chosen), or on a miss the names most like it (did you mean).
 */
export async function resolveName(
  db: Database,
  meter: QueryMeter,
  args: { name: string; types?: readonly string[] | null; first?: number | null },
): Promise<NameResolutionRow> {
  const text = checkText(args.name, 'name');
  const first = args.first ?? 5;
  if (!Number.isInteger(first) || first < 1 || first > MAX_NAME_CANDIDATES)
    throw badInput('first', `must be between 1 and ${MAX_NAME_CANDIDATES}`);
  const labels = args.types?.length ? [...args.types] : [...ENTITY_LABELS];
  const ranked = await candidates(db, meter, text, labels);
  const best = ranked[0]?.tier ?? null;
  const matches = best === null ? [] : ranked.filter((r) => r.tier === best);
  const chosen = matches.length === 1 ? matches[0] : null;
  const offered: NameCandidateRow[] = ranked.slice(0, first).map((r) => ({
    node: r.row,
    score: r.relevance,
    match: r === chosen,
    how: r.how,
  }));
  return { match: chosen?.row ?? null, ambiguous: matches.length > 1, candidates: offered };
}

/**
 * An entity argument given as a global id or as a name people type (百度, Moonshot AI, wenxin
 * yiyan): the global id of the one entity the name resolves to. A name several entities answer
 * to equally is BAD_USER_INPUT listing them; a name of nothing is NOT_FOUND with the nearest
 * names; neither is ever guessed.
 */
export async function entityIdOf(ctx: Context, value: string, argument: string): Promise<string> {
  try {
    fromEntityId(value, argument);
    return value;
  } catch {
    // Not an entity id: a name.
  }
  if (value.trim() === '') throw badInput(argument, 'must be an entity id or a name; it is empty');
  const r = await resolveName(ctx.db, ctx.meter, { name: value, first: 5 });
  if (r.match) return toGlobalId(r.match.__label, String(r.match.key));
  const candidates = r.candidates.map((c) => ({
    id: toGlobalId(c.node.__label, String(c.node.key)),
    type: c.node.__label,
    name: c.node.name,
  }));
  const listed = candidates.map((c) => `${c.name} (${c.type})`).join(', ');
  if (r.ambiguous)
    throw badInput(argument, `"${value.slice(0, 100)}" names several entities equally (${listed}): give one's id`, {
      candidates,
    });
  throw new AppError(
    ErrorCode.NOT_FOUND,
    `Argument "${argument}" names nothing ("${value.slice(0, 100)}")${listed ? `; did you mean ${listed}?` : ': search(text:) lists near names'}`,
    { argument, candidates },
  );
}
