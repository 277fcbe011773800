/** Configuration, parsed once from the environment into a frozen object. */
export interface Config {
  readonly port: number;
  readonly neo4j: {
    /** Null when the project should start its bundled Neo4j. */
    readonly uri: string | null;
    readonly username: string;
    readonly password: string;
    readonly database: string;
    readonly boltPort: number;
  };
  readonly maxPageSize: number;
  readonly defaultPageSize: number;
  readonly isProduction: boolean;
  /** Server-side timeout of each read transaction (QUERY_TIMEOUT_MS, default 5000). */
  readonly queryTimeoutMs: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const boltPort = int(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535);
  const uri = env.NEO4J_URI && env.NEO4J_URI.trim() !== '' ? env.NEO4J_URI.trim() : null;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new Error(`NEO4J_URI must start with bolt://, neo4j://, bolt+s://, neo4j+s:// (or +ssc), got "${uri}"`);
  }
  return Object.freeze({
    port: int(env, 'PORT', 4000, 0, 65535),
    neo4j: Object.freeze({
      uri,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? 'neo4j',
      database: env.NEO4J_DATABASE ?? 'neo4j',
      boltPort,
    }),
    maxPageSize: 100,
    defaultPageSize: 20,
    isProduction: env.NODE_ENV === 'production',
    queryTimeoutMs: int(env, 'QUERY_TIMEOUT_MS', 5000, 100, 600_000),
  });
}

/** The Bolt address the app talks to: NEO4J_URI, or the bundled server on NEO4J_BOLT_PORT. */
export function boltUri(config: Config): string {
  return config.neo4j.uri ?? `bolt://127.0.0.1:${config.neo4j.boltPort}`;
}
