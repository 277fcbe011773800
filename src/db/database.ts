import neo4j, { type Driver, isRetriableError, type ManagedTransaction, type Session } from 'neo4j-driver';
import { boltUri, type Config } from '../config';
import { AppError, ErrorCode } from '../errors';
import { plainRecord } from './convert';
import { cypher, type Statement } from './cypher';
import { FairGate } from './fair-gate';
import { enableNoDelayForDriverSockets } from './no-delay';
import { OutageWatch, ServerNotAnswering } from './outage-watch';

export type Row = Record<string, unknown>;

/** How long a read keeps retrying retriable failures (the driver's maxTransactionRetryTime). */
const READ_RETRY_MS = 3_000;
/**
 * A statement gets its server-side timeout plus this long to answer before the request gives
 * up on it (SERVICE_UNAVAILABLE): a frozen or unreachable server never sends the timeout
 * error, and Neo4j checks timeouts about once a second, so a real timeout arrives late.
 */
const DEADLINE_GRACE_MS = 2_000;
const SCHEMA_CHANGE = /^\s*(CREATE|DROP)\s+(\w+\s+)?(CONSTRAINT|INDEX)\b/i;
/** How long the health probe after a timeout may take before the server counts as not answering. */
const PROBE_MS = 1_000;
/**
 * After the server was unavailable (stopped, restarting), it answers slowly for a while:
 * cold page cache, plans compiled anew, JIT warming. A timeout this soon after is the
 * outage's tail, not the query's own cost.
 */
const RECOVERY_MS = 30_000;
/**
 * A statement's time limit during RECOVERY_MS (when its own is longer): a cold server's slow
 * answer is the outage's tail, told as SERVICE_UNAVAILABLE within about 4.5 s (with the
 * deadline's grace), not after the full QUERY_TIMEOUT (regression: 8.4 s on a loaded machine).
 */
const RECOVERY_TIMEOUT_MS = 2_500;

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** The statement did not answer by its deadline (the server is frozen, gone or swamped). */
class DeadlineExceeded extends Error {
  constructor(readonly ms: number) {
    super(`Neo4j did not answer within ${ms} ms`);
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Records each statement a request ran: the round-trip count, which files ran, and how many ran at once. */
export class QueryMeter {
  readonly entries: { file: string; ms: number }[] = [];
  inFlight = 0;
  peakInFlight = 0;
  /**
   * When true, reads run under PROFILE and add the database hits their plans report to dbHits:
   * a measure of a request's work that does not depend on the machine's load (the db-hits guard,
   * tests/integration/db-hits.test.ts). Off for every real request.
   */
  profile = false;
  dbHits = 0;
  get roundTrips(): number {
    return this.entries.length;
  }
}

/** Statements outside any request (start-up, imports from the command line) share one turn in the gate. */
const BACKGROUND = new QueryMeter();

export interface QueryOptions {
  meter?: QueryMeter;
  /** Server-side transaction timeout in milliseconds. */
  timeoutMs?: number;
}

/** Statements run inside one write transaction (imports, mutations). */
export interface WriteTx {
  run(statement: Statement, params?: Row): Promise<Row[]>;
}

/**
 * The one chokepoint to Neo4j: picks read or write routing, names the .cypher file in
 * the transaction metadata (so Neo4j's query log points at the source), converts
 * driver values once, and maps driver errors to domain errors.
 */
export class Database {
  /** When a statement last found the server unavailable (performance.now()). */
  private unavailableAt = -Infinity;
  /** Fails every statement at once when the server stops answering, instead of each at its own deadline. */
  readonly outages = new OutageWatch(() => this.answers());

  constructor(
    readonly driver: Driver,
    /** Always name the database: it spares a routing-table round trip to find the default. */
    readonly database: string,
    /** QUERY_TIMEOUT_MS: every statement's server-side timeout unless it names its own. */
    readonly defaultTimeoutMs: number = 5000,
    /** Shares the pool between requests (STATEMENTS_PER_REQUEST, QUEUE_WAIT_MS). */
    readonly gate: FairGate = new FairGate(64, 64, 60_000),
    /** Walks (traversals) under way at once (MAX_WALKS): each holds up to MAX_WALK_ROWS relationships in memory. */
    readonly walks: FairGate = new FairGate(8, 8, 60_000, 'a turn among the traversals under way'),
    /** Relationships one walk may read (MAX_WALK_ROWS): a walk that reaches it stops there, its answer marked sampled. */
    readonly walkRows: number = 20_000,
  ) {}

  /**
   * Runs one walk in the request's turn: at most MAX_WALKS walks hold what they have read at
   * once, so concurrent traversals cannot exhaust the server's memory (32 walks of a hub's
   * thousands of relationships once did); one that waits longer than QUEUE_WAIT_MS is refused
   * with SERVICE_UNAVAILABLE and Retry-After.
   */
  walk<T>(meter: QueryMeter | undefined, work: () => Promise<T>): Promise<T> {
    return this.walks.run(meter ?? BACKGROUND, work);
  }

  /** Runs one statement (or transaction) in the request's turn, counting how many of its statements run at once. */
  private inTurn<T>(meter: QueryMeter | undefined, work: () => Promise<T>): Promise<T> {
    const m = meter ?? BACKGROUND;
    return this.gate.run(m, async () => {
      m.inFlight += 1;
      m.peakInFlight = Math.max(m.peakInFlight, m.inFlight);
      try {
        return await work();
      } finally {
        m.inFlight -= 1;
      }
    });
  }

  /**
   * Runs a read. `T` names the row shape the statement's header comment promises
   * (`// Returns: {...}`): one typed assertion here instead of a cast at every caller.
   */
  async read<T extends object = Row>(statement: Statement, params: Row = {}, options: QueryOptions = {}): Promise<T[]> {
    return (await this.execute('READ', statement, params, options)) as T[];
  }

  /**
   * Runs a write; the change counter is bumped in the same transaction (both land, or neither).
   * A schema change (constraint, index) cannot share a transaction with a write and changes no
   * data: it runs alone.
   */
  async write<T extends object = Row>(
    statement: Statement,
    params: Row = {},
    options: QueryOptions = {},
  ): Promise<T[]> {
    if (SCHEMA_CHANGE.test(statement.text.replace(/^\s*\/\/.*$/gm, '')))
      return (await this.execute('WRITE', statement, params, options)) as T[];
    return (await this.writeTransaction((tx) => tx.run(statement, params), {
      ...options,
      timeoutMs: options.timeoutMs ?? this.defaultTimeoutMs,
      file: statement.file,
    })) as T[];
  }

  /** The server's version and edition as it reports them (dbms.components()), e.g. "5.26.30 community". */
  async serverVersion(): Promise<string> {
    const [row] = await this.execute('READ', cypher('graph/server-version'), {}, {});
    return row ? `${String(row.version)} ${String(row.edition)}` : 'unknown';
  }

  /** The graph's change counter: caches of derived figures compare it before serving. */
  async version(options: QueryOptions = {}): Promise<number> {
    const [row] = await this.execute('READ', cypher('graph/version'), {}, options);
    const version = Number(row?.version ?? 0);
    this.known = { version, at: performance.now() };
    return version;
  }

  private known: { version: number; at: number } | null = null;

  /** Within RECOVERY_MS of a statement finding the server unavailable: its answers may be the outage's tail. */
  private recovering(): boolean {
    return performance.now() - this.unavailableAt < RECOVERY_MS;
  }

  /** True within a few seconds of a statement finding the server unavailable (a recovery under way). */
  recentlyUnavailable(): boolean {
    return performance.now() - this.unavailableAt < 5_000;
  }

  /** The change counter as last read or written by this process, without reading it (-1 before any). */
  knownVersion(): number {
    return this.known?.version ?? -1;
  }
  private reading: Promise<number> | null = null;

  /**
   * The change counter as read at most `maxAgeMs` ago (concurrent callers share one read).
   * Writes through this process update it at once; another process's writes are seen within
   * `maxAgeMs`. 0 reads it every time.
   */
  async recentVersion(maxAgeMs: number, options: QueryOptions = {}): Promise<number> {
    if (this.known && performance.now() - this.known.at < maxAgeMs) return this.known.version;
    this.reading ??= this.version(options).finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async bumpVersion(): Promise<void> {
    const [row] = await this.execute('WRITE', cypher('graph/bump-version'), {}, {});
    this.known = { version: Number(row?.version ?? 0), at: performance.now() };
  }

  /**
   * Several statements in one write transaction: all of them land, or none, and the change
   * counter with them (a write that commits always invalidates the caches; one that fails never does).
   */
  async writeTransaction<T>(
    work: (tx: WriteTx) => Promise<T>,
    options: QueryOptions & { file?: string } = {},
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    const timeout = options.timeoutMs ?? this.defaultTimeoutMs * 12;
    const started = performance.now();
    let version = 0;
    try {
      const result = await this.inTurn(options.meter, () =>
        this.outages.run(() =>
          withDeadline(
            session.executeWrite(
              async (tx: ManagedTransaction) => {
                const run: WriteTx['run'] = async (statement, params = {}) => {
                  const began = performance.now();
                  const out = await tx.run(statement.text, params);
                  options.meter?.entries.push({ file: statement.file, ms: performance.now() - began });
                  return out.records.map((r) => plainRecord(r) as Row);
                };
                const value = await work({ run });
                const bumped = await tx.run(cypher('graph/bump-version').text);
                version = Number(plainRecord(bumped.records[0]).version ?? 0);
                return value;
              },
              {
                timeout,
                metadata: options.file
                  ? { app: 'cac-graph', file: options.file }
                  : { app: 'cac-graph', kind: 'write-batch' },
              },
            ),
            timeout + DEADLINE_GRACE_MS,
          ),
        ),
      );
      this.known = { version, at: performance.now() };
      return result;
    } catch (error) {
      if (error instanceof ServerNotAnswering && error.midway)
        throw new ServerNotAnswering(
          'The graph database stopped answering during this write: it may or may not have been applied. Check before retrying.',
        );
      throw await this.classify(error, timeout, performance.now() - started);
    } finally {
      // A session whose server froze may never close: do not wait for it.
      void session.close().catch(() => undefined);
    }
  }

  private async execute(
    routing: 'READ' | 'WRITE',
    statement: Statement,
    params: Row,
    options: QueryOptions,
  ): Promise<Row[]> {
    const started = performance.now();
    const limit = options.timeoutMs ?? this.defaultTimeoutMs;
    const transactionConfig = {
      timeout: this.recovering() ? Math.min(limit, RECOVERY_TIMEOUT_MS) : limit,
      metadata: { app: 'cac-graph', file: statement.file },
    };
    try {
      return await this.inTurn(options.meter, () =>
        this.outages.run(async () => {
          if (routing === 'READ') return this.readAutoCommit(statement, params, transactionConfig, options.meter);
          const result = await withDeadline(
            this.driver.executeQuery(statement.text, params, { database: this.database, routing, transactionConfig }),
            transactionConfig.timeout + DEADLINE_GRACE_MS,
          );
          return result.records.map((r) => plainRecord(r) as Row);
        }),
      );
    } catch (error) {
      throw await this.classify(error, transactionConfig.timeout, performance.now() - started);
    } finally {
      options.meter?.entries.push({ file: statement.file, ms: performance.now() - started });
    }
  }

  /**
   * QUERY_TIMEOUT only when the query itself ran past its limit on a server that answers.
   * A timeout that comes early, or while the server does not answer a trivial probe, is the
   * server stopping or stalling (a shutdown terminates transactions and stalls the rest),
   * which a retry later can fix: SERVICE_UNAVAILABLE.
   */
  private async classify(error: unknown, limitMs: number, elapsedMs: number): Promise<unknown> {
    if (error instanceof DeadlineExceeded) {
      this.unavailableAt = performance.now();
      return unavailable(`${error.message}; retry shortly`);
    }
    const code = (error as { code?: string }).code ?? '';
    if (TIMEOUT_CODES.has(code)) {
      if (elapsedMs < limitMs * 0.9 || !(await this.answers())) {
        return unavailable(
          'The graph database stopped the query while it was unavailable or shutting down; retry shortly.',
        );
      }
      if (this.recovering()) {
        return unavailable(
          'The graph database is warming up after an outage and the query ran out of time; retry shortly.',
        );
      }
    }
    const mapped = mapDriverError(error);
    // A server out of memory for queries still answers: no outage (whose recovery would shorten everyone's limit).
    if (mapped instanceof AppError && mapped.code === ErrorCode.SERVICE_UNAVAILABLE && code !== MEMORY_POOL_USED_UP)
      this.unavailableAt = performance.now();
    return mapped;
  }

  /** Whether the server answers a trivial statement within a second (readiness, timeout triage). */
  async answers(): Promise<boolean> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      await withDeadline(session.run('RETURN 1', {}, { timeout: PROBE_MS }), PROBE_MS);
      return true;
    } catch {
      return false;
    } finally {
      void session.close().catch(() => undefined);
    }
  }

  /**
   * A read as one auto-commit statement: RUN and PULL in one Bolt round trip, where a managed
   * transaction (executeQuery) sends BEGIN, RUN + PULL and COMMIT, which measured 0.60 against
   * 0.37 ms p50 per lookup here. What executeQuery gave for free is kept: reads go to
   * readers in a cluster, they carry its bookmarks (so they see this process's writes), and
   * retriable failures (a leader switch, a restarting server) are retried with backoff for
   * up to READ_RETRY_MS; reads are idempotent, so a retry is safe.
   */
  private async readAutoCommit(
    statement: Statement,
    params: Row,
    config: { timeout: number; metadata: Record<string, string> },
    meter?: QueryMeter,
  ): Promise<Row[]> {
    const profiled = meter?.profile === true;
    const retryUntil = performance.now() + READ_RETRY_MS;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      const attempt = performance.now();
      try {
        const result = await withDeadline(
          runUntraced(session, profiled ? `PROFILE ${statement.text}` : statement.text, params, config),
          config.timeout + DEADLINE_GRACE_MS,
        );
        if (profiled && meter) meter.dbHits += planDbHits(result.summary.profile);
        return result.records.map((r) => plainRecord(r) as Row);
      } catch (error) {
        // A transaction the server terminated early (a shutdown) is as retriable as a refused connection.
        const early =
          TIMEOUT_CODES.has((error as { code?: string }).code ?? '') &&
          performance.now() - attempt < config.timeout * 0.9;
        if (isRetriableError(error)) this.unavailableAt = performance.now();
        if (!(isRetriableError(error) || early) || performance.now() + delay > retryUntil) throw error;
        // Unreachable: a retry helps only if the server answers at all (a stopped one does not).
        if (!(await this.outages.check())) throw new ServerNotAnswering();
      } finally {
        // A session whose server froze may never close: do not wait for it.
        void session.close().catch(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** An auto-commit statement: the only way to run CALL { ... } IN TRANSACTIONS. */
  async autoCommit(statement: Statement, params: Row = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      // A statement that commits in batches of its own (CALL … IN TRANSACTIONS) cannot share a
      // transaction with the counter: it is bumped before (caches stop serving what it changes)
      // and after (what was computed meanwhile is stale too).
      await this.bumpVersion();
      const result = await session.run(statement.text, params, {
        metadata: { app: 'cac-graph', file: statement.file },
      });
      await this.bumpVersion();
      return result.records.map((r) => plainRecord(r) as Row);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  async verify(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.database });
    } catch (error) {
      throw mapDriverError(error);
    }
  }

  close(): Promise<void> {
    this.outages.close();
    return this.driver.close();
  }
}

/** Neo4j's memory for all transactions used up: a busy server, not an outage (Database.classify). */
const MEMORY_POOL_USED_UP = 'Neo.TransientError.General.MemoryPoolOutOfMemoryError';

const unavailable = (message: string) => new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, {});

export function mapDriverError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (/Connection acquisition timed out/.test((error as Error).message ?? '')) {
    return unavailable('Every connection to the graph database is busy; retry shortly.');
  }
  if (code === 'Neo.ClientError.Transaction.Terminated' || code === 'Neo.TransientError.Transaction.Terminated') {
    return unavailable('The graph database terminated the query (an administrator or a shutdown); retry shortly.');
  }
  // A statement that needs more memory than Neo4j gives one transaction: asking again will not
  // help, asking for less will (before the transient catch-all below: not an outage).
  if (code === 'Neo.TransientError.General.TransactionMemoryLimit') {
    return new AppError(
      ErrorCode.COST_LIMIT_EXCEEDED,
      'This query needs more memory than the graph database allows one transaction (db.memory.transaction.max): ask for less (a smaller limit, depth or page).',
      {},
    );
  }
  // The memory all transactions share is used up: busy, not unreachable.
  if (code === MEMORY_POOL_USED_UP) {
    return unavailable(
      'The graph database has no memory left for queries right now (dbms.memory.transaction.total.max): retry shortly, or ask for less (a smaller limit, depth or page).',
    );
  }
  // Unreachable, restarting or shutting down: all transient, all worth a retry by the client.
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.General') ||
    code === 'Neo.ClientError.Database.DatabaseNotFound'
  ) {
    return new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The graph database is not reachable right now; retry shortly.',
      {},
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'Neo4j refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.',
      {},
    );
  }
  if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      "Neo4j wants this user's password changed first (ALTER CURRENT USER SET PASSWORD FROM '...' TO '...' on the system database); then set NEO4J_PASSWORD.",
      {},
    );
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'Neo4j is refusing logins for a while after failed attempts: check NEO4J_USERNAME and NEO4J_PASSWORD, then retry.',
      {},
    );
  }
  if (code === 'Neo.ClientError.Security.Forbidden') {
    return new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The Neo4j user may not run this statement: grant it read (and, for imports, write) access to NEO4J_DATABASE.',
      {},
    );
  }
  if (
    code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
    code === 'Neo.TransientError.Transaction.LockClientStopped'
  ) {
    return new AppError(
      ErrorCode.QUERY_TIMEOUT,
      'The query ran past its time limit and was stopped on the server.',
      {},
    );
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new AppError(ErrorCode.BAD_USER_INPUT, 'An entity with that key (or filing number) already exists.', {});
  }
  return error;
}

export interface DatabaseOptions {
  queryTimeoutMs?: number;
  /** Driver connections (NEO4J_MAX_CONNECTIONS); the gate lets at most this many statements run at once. */
  maxConnections?: number;
  /** Statements of one request that may run at once (STATEMENTS_PER_REQUEST). */
  statementsPerRequest?: number;
  /** Longest wait for a turn before SERVICE_UNAVAILABLE (QUEUE_WAIT_MS). */
  queueWaitMs?: number;
  /** Walks under way at once (MAX_WALKS). */
  maxWalks?: number;
  /** Relationships one walk may read (MAX_WALK_ROWS). */
  walkRows?: number;
}

/** The database hits a profiled plan reports, its operators' and their children's. */
function planDbHits(plan: { dbHits?: number; children?: unknown[] } | false | null | undefined): number {
  if (!plan) return 0;
  const own = Number(plan.dbHits ?? 0);
  return own + (plan.children ?? []).reduce<number>((sum, child) => sum + planDbHits(child as typeof plan), 0);
}

/**
 * session.run without the stack trace neo4j-driver captures for every result in case it fails
 * (formatting it took about 7% of the server's CPU on a lookup): the trace would only point
 * here, and every error is mapped to a domain error naming the statement's file instead.
 * The driver builds the result synchronously, so the limit is restored before anything else runs.
 */
function runUntraced(session: Session, text: string, params: Row, config: Parameters<Session['run']>[2]) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(text, params, config);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function createDatabase(
  uri: string,
  username: string,
  password: string,
  database: string,
  {
    queryTimeoutMs = 5000,
    maxConnections = 64,
    statementsPerRequest = 4,
    queueWaitMs = 2000,
    maxWalks = 8,
    walkRows = 20_000,
  }: DatabaseOptions = {},
): Database {
  enableNoDelayForDriverSockets();
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
    disableLosslessIntegers: false,
    // Two more than the gate lets run: the readiness probe and a timeout's triage never wait for a turn.
    maxConnectionPoolSize: maxConnections + 2,
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 5_000,
    // The driver retries transient failures; a short budget turns an outage into a fast
    // SERVICE_UNAVAILABLE for the client instead of a request hanging for 30 s.
    maxTransactionRetryTime: 3_000,
    userAgent: 'cac-genai-graph/0.1',
  });
  return new Database(
    driver,
    database,
    queryTimeoutMs,
    new FairGate(maxConnections, statementsPerRequest, queueWaitMs),
    new FairGate(maxWalks, maxWalks, queueWaitMs, 'a turn among the traversals under way'),
    walkRows,
  );
}

/** The database the configuration names: NEO4J_URI or the bundled server, with QUERY_TIMEOUT_MS. */
export function openDatabase(config: Config): Database {
  const { username, password, database, maxConnections, statementsPerRequest, queueWaitMs, maxWalks, walkRows } =
    config.neo4j;
  return createDatabase(boltUri(config), username, password, database, {
    queryTimeoutMs: config.queryTimeoutMs,
    maxConnections,
    statementsPerRequest,
    queueWaitMs,
    maxWalks,
    walkRows,
  });
}
