import { cypher } from '../db/cypher';
import type { Database } from '../db/database';
import { NAME_KEYS_VERSION, nameKeysOf, namesOf } from '../graph/names';

const BATCH = 5_000;

/**
 * Gives name keys (src/graph/names.ts) to every entity that has none: a graph written before
 * they existed, or rows a statement of its own wrote (the synthetic register). Run after the
 * migrations and after generating; a graph where every entity has them costs one read.
 */
export async function backfillNameKeys(db: Database, log: (m: string) => void = () => undefined): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await db.read<{
      id: string;
      label: string;
      key: string;
      name: string | null;
      nameEn: string | null;
      shortName: string | null;
      aliases: string[];
    }>(cypher('names/missing-keys'), { limit: BATCH, version: NAME_KEYS_VERSION }, { timeoutMs: 120_000 });
    if (rows.length === 0) break;
    const keyed = rows.map((r) => ({
      id: r.id,
      // An entity with no name at all still gets a list, so it is not read again.
      nameKeys: nameKeysOf(
        r.label,
        namesOf({ name: r.name, nameEn: r.nameEn, shortName: r.shortName }, r.aliases, r.key),
      ),
    }));
    await db.write(cypher('names/set-keys'), { rows: keyed }, { timeoutMs: 120_000 });
    done += rows.length;
    log(`name keys for ${done} entities`);
  }
  return done;
}
