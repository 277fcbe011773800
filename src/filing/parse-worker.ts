/**
 * Parses a filing list in a worker thread, so a large or hostile workbook never blocks the
 * event loop that serves queries. Receives { format, data }; posts { parsed } or { error }.
 */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { parseCsvStream, parseXlsxStream } from './parse';

const { format, data } = workerData as { format: 'CSV' | 'XLSX'; data: string | Uint8Array };
const input = Readable.from([typeof data === 'string' ? data : Buffer.from(data)]);
(format === 'XLSX' ? parseXlsxStream(input) : parseCsvStream(input))
  .then((parsed) => parentPort?.postMessage({ parsed }))
  .catch((error: Error) => parentPort?.postMessage({ error: error.message, tooLarge: error instanceof RangeError }));
