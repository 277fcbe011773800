import { AppError, ErrorCode } from '../errors';

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

/**
 * Shares Neo4j's connections fairly between requests. At most `capacity` statements run at
 * once (the driver's pool), at most `perRequest` of them for one request; statements beyond
 * that wait in their request's queue, and a free slot goes to the next request in turn
 * (round robin), so one request with hundreds of statements cannot hold the pool while a
 * cheap lookup waits. A statement that waits longer than `waitMs` is refused with
 * SERVICE_UNAVAILABLE (HTTP adds Retry-After) instead of queueing for seconds.
 */
export class FairGate {
  private running = 0;
  private readonly active = new Map<object, number>();
  private readonly queues = new Map<object, Waiter[]>();

  constructor(
    readonly capacity: number,
    readonly perRequest: number,
    readonly waitMs: number,
    /** What a refused request waited for, in its message. */
    readonly what = 'a connection',
  ) {}

  async run<T>(key: object, work: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await work();
    } finally {
      this.release(key);
    }
  }

  /** Statements running now, and waiting (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    let waiting = 0;
    for (const q of this.queues.values()) waiting += q.length;
    return { running: this.running, waiting };
  }

  private acquire(key: object): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.drop(key, waiter);
          reject(
            new AppError(
              ErrorCode.SERVICE_UNAVAILABLE,
              `The graph database is busy: this request waited ${this.waitMs} ms for ${this.what}; retry shortly.`,
            ),
          );
        }, this.waitMs),
      };
      const queue = this.queues.get(key);
      if (queue) queue.push(waiter);
      else this.queues.set(key, [waiter]);
      this.dispatch();
    });
  }

  private take(key: object): void {
    this.running += 1;
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
  }

  private release(key: object): void {
    this.running -= 1;
    const n = (this.active.get(key) ?? 1) - 1;
    if (n === 0) this.active.delete(key);
    else this.active.set(key, n);
    this.dispatch();
  }

  private drop(key: object, waiter: Waiter): void {
    const queue = this.queues.get(key);
    if (!queue) return;
    const i = queue.indexOf(waiter);
    if (i >= 0) queue.splice(i, 1);
    if (queue.length === 0) this.queues.delete(key);
  }

  /**
   * Hands each free slot to the waiting request that has the fewest statements running (a
   * cheap lookup beside a heavy request goes first); among equals, the one served longest
   * ago (a served request moves to the back of the Map's order).
   */
  private dispatch(): void {
    while (this.running < this.capacity) {
      let chosen: object | null = null;
      let fewest = Infinity;
      for (const key of this.queues.keys()) {
        const running = this.active.get(key) ?? 0;
        if (running < this.perRequest && running < fewest) {
          chosen = key;
          fewest = running;
        }
      }
      if (chosen === null) return;
      const queue = this.queues.get(chosen) ?? [];
      const waiter = queue.shift();
      if (!waiter) return;
      this.queues.delete(chosen);
      if (queue.length) this.queues.set(chosen, queue);
      this.take(chosen);
      waiter.grant();
    }
  }
}
