import { readFileSync } from 'node:fs';

/** Configuration, parsed once from the environment into a frozen object. */
export interface ApiKey {
  name: string;
  role: Role;
  /** sha256 of the key, hex: keys are never stored in clear. */
  sha256: string;
}
export type Role = 'reader' | 'editor';

export interface Config {
  readonly port: number;
  readonly neo4j: {
    /** Null when the project should start its bundled Neo4j. */
    readonly uri: string | null;
    readonly username: string;
    readonly password: string;
    readonly database: string;
    readonly boltPort: number;
    /** Driver connections; statements beyond them wait their turn (NEO4J_MAX_CONNECTIONS, default 64). */
    readonly maxConnections: number;
    /** Statements one request may run at once (STATEMENTS_PER_REQUEST, default 4). */
    readonly statementsPerRequest: number;
    /** Longest wait for a turn before SERVICE_UNAVAILABLE with Retry-After (QUEUE_WAIT_MS, default 2000). */
    readonly queueWaitMs: number;
    /** Traversals under way at once (MAX_WALKS, default 8). */
    readonly maxWalks: number;
    /** Relationships one traversal may read; it stops there, its answer marked sampled (MAX_WALK_ROWS, default 20000). */
    readonly walkRows: number;
  };
  readonly isProduction: boolean;
  /** Server-side timeout of each read transaction (QUERY_TIMEOUT_MS, default 5000). */
  readonly queryTimeoutMs: number;
  readonly limits: {
    readonly costBudget: number;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxRootFields: number;
    readonly documentCacheChars: number;
    /** Levels of nested connections a list or page reads in its own statement (LOOK_AHEAD_LEVELS, default 4; 0: each level its own). */
    readonly lookAheadLevels: number;
    /** Answers kept for repeated queries, weighed by their JSON length; 0 turns the cache off. */
    readonly responseCacheChars: number;
    /** How stale the graph's change counter may be when checking a cached answer (ms; 0 reads it for every request). */
    readonly versionRecheckMs: number;
  };
  readonly auth: {
    readonly readsPublic: boolean;
    /** /metrics without credentials: METRICS_PUBLIC, default true only outside production with public reads. */
    readonly metricsPublic: boolean;
    readonly apiKeys: readonly ApiKey[];
    readonly jwtSecret: string | null;
    readonly jwksUrl: string | null;
    readonly jwtIssuer: string | null;
    readonly jwtAudience: string | null;
    /** Longest a bearer token may still run (exp - now), in seconds: a token valid for years is refused. */
    readonly jwtMaxAgeSeconds: number;
  };
  readonly http: {
    readonly introspection: boolean;
    readonly ide: boolean;
    readonly corsOrigins: readonly string[];
    readonly bodyLimit: string;
    /** sha256 of each trusted operation's text; null lets every operation run. */
    readonly trustedOperations: ReadonlySet<string> | null;
  };
  readonly logLevel: string;
  /** After SIGTERM the server keeps accepting (readiness already 503) this long before it stops listening. */
  readonly shutdownGraceMs: number;
  /** Load the default data set at start: always for the bundled Neo4j, with LOAD_DATA=true for NEO4J_URI. */
  readonly loadData: boolean;
  /** Leave the bundled Neo4j running when the server that started it stops (KEEP_NEO4J, default false). */
  readonly keepNeo4j: boolean;
  /** Longest time start-up spends running each kind of traversal once before it reports ready (WARM_UP_MS, default 60000; 0: none). */
  readonly warmUpMs: number;
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

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

function role(value: string, where: string): Role {
  if (value !== 'reader' && value !== 'editor')
    throw new Error(`${where}: role must be reader or editor, got "${value}"`);
  return value;
}

/**
 * API keys from API_KEYS ("name:role:sha256hex,...") and/or API_KEYS_FILE (a JSON list of
 * {name, role, sha256}). Make a hash with: node -e "console.log(require('crypto').createHash('sha256').update(process.argv[1]).digest('hex'))" KEY
 */
function apiKeys(env: NodeJS.ProcessEnv): ApiKey[] {
  const keys: ApiKey[] = [];
  for (const entry of (env.API_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, r, sha256] = entry.split(':');
    if (!name || !r || !/^[0-9a-f]{64}$/.test(sha256 ?? ''))
      throw new Error(`API_KEYS entry "${entry}" must read name:role:sha256hex`);
    keys.push({ name, role: role(r, 'API_KEYS'), sha256 });
  }
  if (env.API_KEYS_FILE) {
    const list = JSON.parse(readFileSync(env.API_KEYS_FILE, 'utf8')) as ApiKey[];
    for (const k of list) {
      if (!k.name || !/^[0-9a-f]{64}$/.test(k.sha256 ?? ''))
        throw new Error(`API_KEYS_FILE: each entry needs name and a sha256 hex digest`);
      keys.push({ name: k.name, role: role(k.role, 'API_KEYS_FILE'), sha256: k.sha256 });
    }
  }
  return keys;
}

function trustedOperations(env: NodeJS.ProcessEnv): Set<string> | null {
  if (!env.TRUSTED_OPERATIONS_FILE) return null;
  const manifest = JSON.parse(readFileSync(env.TRUSTED_OPERATIONS_FILE, 'utf8')) as {
    operations: { sha256: string }[];
  };
  return new Set(manifest.operations.map((o) => o.sha256));
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const boltPort = int(env, 'NEO4J_BOLT_PORT', 7687, 1, 65535);
  const uri = env.NEO4J_URI && env.NEO4J_URI.trim() !== '' ? env.NEO4J_URI.trim() : null;
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\//.test(uri)) {
    throw new Error(`NEO4J_URI must start with bolt://, neo4j://, bolt+s://, neo4j+s:// (or +ssc), got "${uri}"`);
  }
  const isProduction = env.NODE_ENV === 'production';
  return Object.freeze({
    port: int(env, 'PORT', 4000, 0, 65535),
    neo4j: Object.freeze({
      uri,
      username: env.NEO4J_USERNAME ?? 'neo4j',
      password: env.NEO4J_PASSWORD ?? 'neo4j',
      database: env.NEO4J_DATABASE ?? 'neo4j',
      boltPort,
      maxConnections: int(env, 'NEO4J_MAX_CONNECTIONS', 64, 1, 1000),
      statementsPerRequest: int(env, 'STATEMENTS_PER_REQUEST', 4, 1, 1000),
      queueWaitMs: int(env, 'QUEUE_WAIT_MS', 2000, 10, 600_000),
      maxWalks: int(env, 'MAX_WALKS', 8, 1, 1000),
      walkRows: int(env, 'MAX_WALK_ROWS', 20_000, 100, 10_000_000),
    }),
    isProduction,
    queryTimeoutMs: int(env, 'QUERY_TIMEOUT_MS', 5000, 100, 600_000),
    limits: Object.freeze({
      costBudget: int(env, 'COST_BUDGET', 50_000, 1, 10_000_000),
      maxDepth: int(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
      maxAliases: int(env, 'MAX_ALIASES', 30, 0, 1000),
      maxRootFields: int(env, 'MAX_ROOT_FIELDS', 20, 1, 1000),
      documentCacheChars: int(env, 'DOCUMENT_CACHE_CHARS', 256 * 1024, 1024, 64 * 1024 * 1024),
      lookAheadLevels: int(env, 'LOOK_AHEAD_LEVELS', 4, 0, 8),
      responseCacheChars: int(env, 'RESPONSE_CACHE_CHARS', 8 * 1024 * 1024, 0, 512 * 1024 * 1024),
      versionRecheckMs: int(env, 'VERSION_RECHECK_MS', 100, 0, 60_000),
    }),
    auth: Object.freeze({
      readsPublic: bool(env, 'READS_PUBLIC', true),
      metricsPublic: bool(env, 'METRICS_PUBLIC', !isProduction && bool(env, 'READS_PUBLIC', true)),
      apiKeys: Object.freeze(apiKeys(env)),
      jwtSecret: env.JWT_SECRET || null,
      jwksUrl: env.JWKS_URL || null,
      jwtIssuer: env.JWT_ISSUER || null,
      jwtAudience: env.JWT_AUDIENCE || null,
      jwtMaxAgeSeconds: int(env, 'JWT_MAX_AGE_SECONDS', 86_400, 60, 31_536_000),
    }),
    http: Object.freeze({
      introspection: bool(env, 'INTROSPECTION', !isProduction),
      ide: bool(env, 'IDE', !isProduction),
      corsOrigins: Object.freeze(
        (env.CORS_ORIGINS ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
      bodyLimit: env.BODY_LIMIT ?? '100kb',
      trustedOperations: trustedOperations(env),
    }),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 2000, 0, 120_000),
    loadData: !uri || bool(env, 'LOAD_DATA', false),
    keepNeo4j: bool(env, 'KEEP_NEO4J', false),
    warmUpMs: int(env, 'WARM_UP_MS', 60_000, 0, 600_000),
  });
}

/** The Bolt address the app talks to: NEO4J_URI, or the bundled server on NEO4J_BOLT_PORT. */
export function boltUri(config: Config): string {
  return config.neo4j.uri ?? `bolt://127.0.0.1:${config.neo4j.boltPort}`;
}
