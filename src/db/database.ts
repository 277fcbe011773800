import neo4j, { isRetriableError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { AppError, ErrorCode } from '../errors';
import { cypher, type Statement } from './cypher';
import { toPlain } from './convert';
import { enableNoDelayForDriverSockets } from './no-delay';

export type Row = Record<string, unknown>;

/** How long a read keeps retrying retriable failures (the driver's maxTransactionRetryTime). */
const READ_RETRY_MS = 3_000;

/** Records each statement a request ran: the round-trip count and which files ran. */
export class QueryMeter {
  readonly entries: { file: string; ms: number }[] = [];
  get roundTrips(): number {
    return this.entries.length;
  }
}

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
  constructor(
    readonly driver: Driver,
    /** Always name the database: it spares a routing-table round trip to find the default. */
    readonly database: string,
    private readonly defaultTimeoutMs: number = 5000,
  ) {}

  read(statement: Statement, params: Row = {}, options: QueryOptions = {}): Promise<Row[]> {
    return this.execute('READ', statement, params, options);
  }

  async write(statement: Statement, params: Row = {}, options: QueryOptions = {}): Promise<Row[]> {
    const rows = await this.execute('WRITE', statement, params, options);
    await this.bumpVersion();
    return rows;
  }

  /** The graph's change counter: caches of derived figures compare it before serving. */
  async version(options: QueryOptions = {}): Promise<number> {
    const [row] = await this.execute('READ', cypher('graph/version'), {}, options);
    return Number(row?.version ?? 0);
  }

  private async bumpVersion(): Promise<void> {
    await this.execute('WRITE', cypher('graph/bump-version'), {}, {});
  }

  /** Several statements in one write transaction: all of them land, or none. */
  async writeTransaction<T>(work: (tx: WriteTx) => Promise<T>, options: QueryOptions = {}): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.executeWrite(
        (tx: ManagedTransaction) =>
          work({
            run: async (statement, params = {}) => {
              const started = performance.now();
              const result = await tx.run(statement.text, params);
              options.meter?.entries.push({ file: statement.file, ms: performance.now() - started });
              return result.records.map((r) => toPlain(r.toObject()) as Row);
            },
          }),
        { timeout: options.timeoutMs ?? this.defaultTimeoutMs * 12, metadata: { app: 'cac-graph', kind: 'write-batch' } },
      );
      await this.bumpVersion();
      return result;
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  private async execute(routing: 'READ' | 'WRITE', statement: Statement, params: Row, options: QueryOptions): Promise<Row[]> {
    const started = performance.now();
    const transactionConfig = {
      timeout: options.timeoutMs ?? this.defaultTimeoutMs,
      metadata: { app: 'cac-graph', file: statement.file },
    };
    try {
      if (routing === 'READ') return await this.readAutoCommit(statement, params, transactionConfig);
      const result = await this.driver.executeQuery(statement.text, params, { database: this.database, routing, transactionConfig });
      return result.records.map((r) => toPlain(r.toObject()) as Row);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      options.meter?.entries.push({ file: statement.file, ms: performance.now() - started });
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
  private async readAutoCommit(statement: Statement, params: Row, config: { timeout: number; metadata: Record<string, string> }): Promise<Row[]> {
    const deadline = performance.now() + READ_RETRY_MS;
    for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      try {
        const result = await session.run(statement.text, params, config);
        return result.records.map((r) => toPlain(r.toObject()) as Row);
      } catch (error) {
        if (!isRetriableError(error) || performance.now() + delay > deadline) throw error;
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** An auto-commit statement: the only way to run CALL { ... } IN TRANSACTIONS. */
  async autoCommit(statement: Statement, params: Row = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.run(statement.text, params, { metadata: { app: 'cac-graph', file: statement.file } });
      await this.bumpVersion();
      return result.records.map((r) => toPlain(r.toObject()) as Row);
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
    return this.driver.close();
  }
}

export function mapDriverError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  // Unreachable, restarting or shutting down: all transient, all worth a retry by the client.
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code.startsWith('Neo.TransientError.General') || code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The graph database is not reachable right now; retry shortly.', {});
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'Neo4j refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.', {});
  }
  if (code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, "Neo4j wants this user's password changed first (ALTER CURRENT USER SET PASSWORD FROM '...' TO '...' on the system database); then set NEO4J_PASSWORD.", {});
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'Neo4j is refusing logins for a while after failed attempts: check NEO4J_USERNAME and NEO4J_PASSWORD, then retry.', {});
  }
  if (code === 'Neo.ClientError.Security.Forbidden') {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The Neo4j user may not run this statement: grant it read (and, for imports, write) access to NEO4J_DATABASE.', {});
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
    return new AppError(ErrorCode.QUERY_TIMEOUT, 'The query ran past its time limit and was stopped on the server.', {});
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new AppError(ErrorCode.BAD_USER_INPUT, 'An entity with that key (or filing number) already exists.', {});
  }
  return error;
}

export function createDatabase(uri: string, username: string, password: string, database: string): Database {
  enableNoDelayForDriverSockets();
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
    disableLosslessIntegers: false,
    maxConnectionPoolSize: 64,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    // The driver retries transient failures; a short budget turns an outage into a fast
    // SERVICE_UNAVAILABLE for the client instead of a request hanging for 30 s.
    maxTransactionRetryTime: 3_000,
    userAgent: 'cac-genai-graph/0.1',
  });
  return new Database(driver, database);
}
