import type { Database, QueryMeter } from './database';

/**
 * Derived figures (statistics) cached per process and keyed by the graph's change counter:
 * every write through the database chokepoint bumps the counter, so a cached value is served
 * only while nothing changed, whichever process wrote. Checking costs one tiny read.
 */
export class DerivedCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();

  async get<T>(db: Database, meter: QueryMeter, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await db.version({ meter });
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = await compute();
    this.entries.set(key, { version, value });
    return value;
  }
}
