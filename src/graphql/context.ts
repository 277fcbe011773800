import type { Config } from '../config';
import { QueryMeter, type Database } from '../db/database';
import { EntityLoaders } from '../entity/loaders';

/** Everything a resolver may use; built fresh for every request so no cache leaks between callers. */
export interface Context {
  db: Database;
  config: Config;
  meter: QueryMeter;
  loaders: EntityLoaders;
}

export function createContext(db: Database, config: Config): Context {
  const meter = new QueryMeter();
  return { db, config, meter, loaders: new EntityLoaders(db, meter, config.queryTimeoutMs) };
}
