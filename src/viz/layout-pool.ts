import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, ErrorCode } from '../errors';
import type { LayoutNode } from './layout';

type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** Layouts waiting or running at once; more are refused (the caller retries) rather than queued without end. */
export const MAX_LAYOUTS_QUEUED = 32;
/** A layout that takes longer ends its thread (a new one starts for the next). */
const LAYOUT_DEADLINE_MS = 15_000;

interface Job {
  resolve: (p: Positions) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * Layouts run on a thread of their own, one at a time, so the thread that answers requests is
 * never busy with one (a layout of 500 nodes takes about a second). The thread starts on first
 * use and does not keep the process alive.
 */
class LayoutPool {
  private worker: Worker | null = null;
  private readonly jobs = new Map<number, Job>();
  private next = 0;

  run(nodes: readonly LayoutNode[], edges: readonly { source: string; target: string }[]): Promise<Positions> {
    if (this.jobs.size >= MAX_LAYOUTS_QUEUED)
      return Promise.reject(
        new AppError(
          ErrorCode.SERVICE_UNAVAILABLE,
          `The layout thread has ${this.jobs.size} layouts waiting; retry in a moment, or ask without x and y.`,
        ),
      );
    const worker = this.start();
    const id = this.next++;
    return new Promise<Positions>((resolve, reject) => {
      const timer = setTimeout(() => this.restart(new Error('the layout took too long')), LAYOUT_DEADLINE_MS);
      this.jobs.set(id, { resolve, reject, timer });
      worker.postMessage({ id, nodes, edges });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // The worker loads its TypeScript entry through tsx's CommonJS hook, as the main thread does.
    const entry = join(__dirname, 'layout-worker.ts');
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.on('message', (m: { id: number; positions?: [string, { x: number; y: number }][]; error?: string }) => {
      const job = this.jobs.get(m.id);
      if (!job) return;
      this.jobs.delete(m.id);
      clearTimeout(job.timer);
      if (m.positions) job.resolve(new Map(m.positions));
      else job.reject(new Error(`layout failed: ${m.error}`));
    });
    worker.on('error', (error) => this.restart(error));
    // After the listeners: a 'message' listener refs the worker's port, and an unref'd worker
    // must not keep a process alive (a test run that never exited was the regression).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Ends the thread and every job on it (each caller gets an error); the next layout starts a new one. */
  private restart(cause: Error): void {
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    for (const [id, job] of this.jobs) {
      clearTimeout(job.timer);
      job.reject(new AppError(ErrorCode.SERVICE_UNAVAILABLE, `The graph layout failed (${cause.message}); retry.`));
      this.jobs.delete(id);
    }
  }
}

const pool = new LayoutPool();

export const layoutOffThread = (nodes: readonly LayoutNode[], edges: readonly { source: string; target: string }[]) =>
  pool.run(nodes, edges);
