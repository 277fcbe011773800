import { AppError, ErrorCode } from '../errors';

/** The server was found not answering: the statement's fate is unknown, a retry later can fix it. */
export class ServerNotAnswering extends AppError {
  constructor(
    message = 'The graph database is not answering (stopped, restarting or frozen); retry in a moment.',
    /** The statement had been sent when the server stopped answering (its outcome is unknown), not refused before. */
    readonly midway = false,
  ) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, {});
  }
}

/**
 * Bounds how long a request waits on a server that has stopped answering (frozen, stopping,
 * gone), whatever the statement's own time limit: a slow statement could be a real query
 * or a dead server, and only asking the server tells them apart.
 *
 * A statement still running after `suspectMs`, or one that failed as unreachable, makes the
 * watch ask the server a trivial question (`probe`, shared by every caller at that moment).
 * If it gets no answer, every statement in flight is failed at once with SERVICE_UNAVAILABLE
 * and the server counts as down: new statements fail without waiting, and the server is
 * asked again every `recheckMs` until it answers. So a frozen server is reported within
 * about suspectMs + the probe's own limit, not after each statement's timeout and retries.
 *
 * A busy server is not a frozen one: if any statement was answered while the probe waited, the
 * server is making progress and is not declared down, however late the probe's own answer
 * (regression: 32 neighbourhoods of a hub at once kept both cores busy, the probe missed its
 * 1 s, and every request after them was refused for seconds as if Neo4j had stopped).
 */
export class OutageWatch {
  private down = false;
  private checking: Promise<boolean> | null = null;
  private readonly inFlight = new Set<(error: Error) => void>();
  private recheck: NodeJS.Timeout | null = null;
  private closed = false;
  /** When a watched statement was last answered (performance.now()). */
  private answeredAt = -Infinity;

  constructor(
    private readonly probe: () => Promise<boolean>,
    readonly suspectMs = 1_500,
    readonly recheckMs = 500,
  ) {}

  /** True while the server counts as down (from a failed probe until one succeeds). */
  get isDown(): boolean {
    return this.down;
  }

  /** Statements being watched now (for tests). */
  get watching(): number {
    return this.inFlight.size;
  }

  /** Runs `work`, failing it early if the server is found not answering while it runs. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.down) return Promise.reject(new ServerNotAnswering());
    return new Promise<T>((resolve, reject) => {
      const abandon = (error: Error) => reject(error);
      this.inFlight.add(abandon);
      const timer = setTimeout(() => void this.check(), this.suspectMs);
      work()
        .then((value) => {
          this.answeredAt = performance.now();
          resolve(value);
        }, reject)
        .finally(() => {
          clearTimeout(timer);
          this.inFlight.delete(abandon);
        });
    });
  }

  /** Asks the server whether it answers (one question at a time); if not, declares it down. */
  check(): Promise<boolean> {
    if (this.down) return Promise.resolve(false);
    const asked = performance.now();
    this.checking ??= this.ask()
      .then((answers) => {
        const progressing = this.answeredAt >= asked;
        if (!answers && !progressing) this.declareDown();
        return answers || progressing;
      })
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  /** Stops asking (the database is closing). */
  close(): void {
    this.closed = true;
    if (this.recheck) clearTimeout(this.recheck);
  }

  private ask(): Promise<boolean> {
    return this.probe().catch(() => false);
  }

  private declareDown(): void {
    if (this.closed) return;
    this.down = true;
    const failed = [...this.inFlight];
    this.inFlight.clear();
    for (const abandon of failed) abandon(new ServerNotAnswering(undefined, true));
    this.scheduleRecheck();
  }

  private scheduleRecheck(): void {
    if (this.closed) return;
    this.recheck = setTimeout(async () => {
      this.recheck = null;
      if (await this.ask()) this.down = false;
      else this.scheduleRecheck();
    }, this.recheckMs);
    // Asking again must never keep a process alive (a CLI that is done, a test that ended).
    this.recheck.unref();
  }
}
