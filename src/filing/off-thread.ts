import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedFile } from './columns';

export class ParseFailure extends Error {
  constructor(
    message: string,
    readonly tooLarge: boolean,
  ) {
    super(message);
  }
}

/**
 * Parses a list in a worker thread with a bounded heap and a deadline: the server's event
 * loop keeps answering queries meanwhile, and a workbook that would take too long or too
 * much memory ends its worker, not the server.
 */
export function parseOffThread(
  format: 'CSV' | 'XLSX',
  data: string | Buffer,
  { timeoutMs = 30_000, heapMb = 256 } = {},
): Promise<ParsedFile> {
  return new Promise((resolve, reject) => {
    // The worker loads the TypeScript entry through tsx's CommonJS hook, as the main thread does.
    const entry = join(__dirname, 'parse-worker.ts');
    const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, {
      eval: true,
      workerData: { format, data },
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ParseFailure(`parsing took longer than ${timeoutMs / 1000} s`, true));
    }, timeoutMs);
    // Rows arrive a chunk per message, each unpacked in its own turn of the event loop.
    const rows: ParsedFile['rows'] = [];
    worker.on(
      'message',
      (m: {
        rows?: ParsedFile['rows'];
        done?: boolean;
        columns?: ParsedFile['columns'];
        headerProblems?: string[];
        error?: string;
        tooLarge?: boolean;
      }) => {
        if (m.rows) {
          for (const row of m.rows) rows.push(row);
          // The next chunk in a later turn: requests waiting meanwhile are answered first.
          setImmediate(() => worker.postMessage('next'));
          return;
        }
        clearTimeout(timer);
        void worker.terminate();
        if (m.done) resolve({ columns: m.columns ?? {}, rows, headerProblems: m.headerProblems ?? [] });
        else reject(new ParseFailure(m.error ?? 'unreadable', Boolean(m.tooLarge)));
      },
    );
    worker.once('error', (error) => {
      clearTimeout(timer);
      const tooLarge = /heap|memory/i.test(error.message);
      reject(new ParseFailure(tooLarge ? `parsing needed more than ${heapMb} MB` : error.message, tooLarge));
    });
  });
}
