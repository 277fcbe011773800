import type { Database, QueryMeter } from './database';

/** Bounds on what the cache holds, whatever keys clients choose (dates, windows, orders). */
export const DERIVED_CACHE_ENTRIES = 500;
export const DERIVED_CACHE_CHARS = 8_000_000;

/**
 * Derived figures (statistics) cached per process and keyed by the graph's change counter:
 * every write through the database chokepoint bumps the counter, so a cached value is served
 * only while nothing changed, whichever process wrote. Checking costs one tiny read.
 * Keys come from client arguments (any date, any window), so the cache is a bounded LRU: at
 * most `maxEntries` entries and `maxChars` characters of JSON; the least recently used go first.
 */
export class DerivedCache {
  private readonly entries = new Map<string, { version: number; value: unknown; chars: number }>();
  private chars = 0;

  constructor(
    readonly maxEntries = DERIVED_CACHE_ENTRIES,
    readonly maxChars = DERIVED_CACHE_CHARS,
  ) {}

  async get<T>(db: Database, meter: QueryMeter, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await db.version({ meter });
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const value = await compute();
    this.put(key, version, value);
    return value;
  }

  /** Entries and characters held (for tests and metrics). */
  size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }

  private put(key: string, version: number, value: unknown): void {
    this.drop(key);
    const chars = key.length + (JSON.stringify(value)?.length ?? 0);
    if (chars > this.maxChars) return;
    this.entries.set(key, { version, value, chars });
    this.chars += chars;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
      this.drop(oldest, entry.chars);
    }
  }

  private drop(key: string, chars = this.entries.get(key)?.chars): void {
    if (chars === undefined || !this.entries.delete(key)) return;
    this.chars -= chars;
  }
}
