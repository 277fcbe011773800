// The one normaliser (src/graph/names.ts), as every lookup uses it.
import { normalizeName } from '../graph/names';

/**
 * Entity resolution by explicit names only: canonical names and the aliases of the
 * alias table, compared after normalisation. Nothing fuzzy: a name that is not known
 * resolves to itself, and stays a separate entity.
 */
export class NameIndex {
  private readonly byLabel = new Map<string, Map<string, string>>();

  add(label: string, key: string, names: Iterable<string | null | undefined>): void {
    let map = this.byLabel.get(label);
    if (!map) {
      map = new Map();
      this.byLabel.set(label, map);
    }
    for (const name of names) if (name) map.set(normalizeName(name), key);
  }

  find(label: string, name: string): string | undefined {
    return this.byLabel.get(label)?.get(normalizeName(name));
  }
}
