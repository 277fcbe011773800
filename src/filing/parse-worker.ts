/**
 * Parses a filing list in a worker thread, so a large or hostile workbook never blocks the
 * event loop that serves queries. Receives { format, data }; posts its rows in chunks of
 * ROWS_PER_MESSAGE ({ rows }; the next once the main thread posts 'next'), then
 * { done, headerProblems }, or { error }. The main thread unpacks one chunk a turn: one
 * message of 100,000 rows took 0.6 s to unpack there, a stall for every request.
 */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { parseCsvStream, parseXlsxStream } from './parse';

const ROWS_PER_MESSAGE = 1000;
const { format, data } = workerData as { format: 'CSV' | 'XLSX'; data: string | Uint8Array };
const input = Readable.from([typeof data === 'string' ? data : Buffer.from(data)]);
(format === 'XLSX' ? parseXlsxStream(input) : parseCsvStream(input))
  .then(async (parsed) => {
    // One chunk at a time, each after the main thread asked for it: queued messages would be
    // unpacked in one go, the very stall this avoids.
    for (let i = 0; i < parsed.rows.length; i += ROWS_PER_MESSAGE) {
      const asked = new Promise((resolve) => parentPort?.once('message', resolve));
      parentPort?.postMessage({ rows: parsed.rows.slice(i, i + ROWS_PER_MESSAGE) });
      await asked;
    }
    parentPort?.postMessage({ done: true, columns: parsed.columns, headerProblems: parsed.headerProblems });
  })
  .catch((error: Error) => parentPort?.postMessage({ error: error.message, tooLarge: error instanceof RangeError }));
