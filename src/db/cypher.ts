import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads statements from cypher/. A statement may hold `{{name}}` slots; they are filled
 * only from values the code chose from allow-lists (labels, relationship types, sort
 * expressions), never from user input, which always travels as parameters.
 * `{{> path}}` includes another file; `{{> slot}}` includes the file a slot names
 * (each type's WHERE fragment, say). `{{>> part}}` marks where `compose` puts another
 * statement built here (a nested level); `cypher` leaves it empty.
 */
export const CYPHER_ROOT = join(__dirname, '..', '..', 'cypher');

const fileCache = new Map<string, string>();
const statementCache = new Map<string, Statement>();
/**
 * Statements kept built. Composed ones (nested reads) come in as many shapes as queries select,
 * so the cache forgets its oldest past this many rather than grow with every shape asked.
 */
export const STATEMENT_CACHE_SIZE = 2000;

function remember(key: string, statement: Statement): Statement {
  if (statementCache.size >= STATEMENT_CACHE_SIZE) {
    const oldest = statementCache.keys().next().value;
    if (oldest !== undefined) statementCache.delete(oldest);
  }
  statementCache.set(key, statement);
  return statement;
}

export interface Statement {
  /** The .cypher file, relative to cypher/, recorded in transaction metadata. */
  readonly file: string;
  readonly text: string;
}

function readCypher(file: string): string {
  let text = fileCache.get(file);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_ROOT, `${file}.cypher`), 'utf8');
    fileCache.set(file, text);
  }
  return text;
}

const SLOT = /\{\{\s*(>?)\s*([\w/.-]+)\s*\}\}/g;
const PART = /\{\{>>\s*(\w+)\s*\}\}/g;
const PARAM = /\$([A-Za-z_]\w*)/g;
const SAFE_SLOT_VALUE = /^[\w\s:|()<>=!.,'`$*~\-[\]{}]*$/u;

function expand(text: string, slots: Readonly<Record<string, string>>, depth: number): string {
  if (depth > 4) throw new Error('cypher includes nested too deeply');
  return text.replace(SLOT, (_m, include: string, name: string) => {
    if (include) {
      if (slots[name] === undefined && !name.includes('/'))
        throw new Error(`cypher include {{> ${name}}} has no value`);
      const path = slots[name] ?? name;
      if (!/^[\w/-]+$/.test(path)) throw new Error(`cypher include {{> ${name}}} has an unsafe path`);
      return expand(stripComments(readCypher(path)), slots, depth + 1);
    }
    const value = slots[name];
    if (value === undefined) throw new Error(`cypher slot {{${name}}} has no value`);
    if (!SAFE_SLOT_VALUE.test(value)) throw new Error(`cypher slot {{${name}}} has an unsafe value`);
    return value;
  });
}

function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .trim();
}

export function cypher(file: string, slots: Readonly<Record<string, string>> = {}): Statement {
  const cacheKey = `${file}\u0000${JSON.stringify(slots)}`;
  return (
    statementCache.get(cacheKey) ??
    remember(cacheKey, { file, text: expand(stripComments(readCypher(file)), slots, 0).replace(PART, '') })
  );
}

/**
 * A statement with other statements built here in its `{{>> part}}` places (a level of a
 * nested read inside its parent's): `prefix` renames this level's own parameters ($where ->
 * $c0_where), so two levels that read the same fragment take their own values. The parts keep
 * the names they were given. Cached, like `cypher`, by file, slots, prefix and parts.
 */
export function compose(
  file: string,
  slots: Readonly<Record<string, string>>,
  options: { prefix?: string; parts?: Readonly<Record<string, readonly Statement[]>> } = {},
): Statement {
  const parts = options.parts ?? {};
  const prefix = options.prefix ?? '';
  const cacheKey = `${file}\u0000${JSON.stringify(slots)}\u0000${prefix}\u0000${JSON.stringify(parts)}`;
  const known = statementCache.get(cacheKey);
  if (known) return known;
  const own = expand(stripComments(readCypher(file)), slots, 0).replace(
    PARAM,
    (_m, name: string) => `$${prefix}${name}`,
  );
  const text = own.replace(PART, (_m, name: string) => (parts[name] ?? []).map((p) => p.text).join('\n'));
  return remember(cacheKey, { file, text });
}
