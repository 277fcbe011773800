import { type Principal, requireReader } from '../auth/authenticate';
import type { Config } from '../config';
import { type Database, QueryMeter } from '../db/database';
import { DerivedCache } from '../db/derived-cache';
import { EntityLoaders } from './loaders';

/** Everything a resolver may use; built fresh for every request so no cache leaks between callers. */
export interface Context {
  db: Database;
  config: Config;
  meter: QueryMeter;
  loaders: EntityLoaders;
  /** The authenticated caller, or null for an anonymous one. */
  principal: Principal | null;
  requestId: string;
  /** Shared across requests: derived figures keyed by the graph's change counter. */
  cache: DerivedCache;
}

const standaloneCache = new DerivedCache();

export function createContext(
  db: Database,
  config: Config,
  principal: Principal | null = null,
  requestId = 'local',
  cache = standaloneCache,
): Context {
  // Checked here so no resolver can forget it.
  requireReader(principal, config.auth.readsPublic);
  const meter = new QueryMeter();
  return { db, config, meter, loaders: new EntityLoaders(db, meter), principal, requestId, cache };
}
