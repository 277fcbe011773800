import pino from 'pino';

/** Structured JSON logs (pino): one line per request with id, operation, duration and the Cypher files run. */
export function createLogger(level: string) {
  return pino({ level, base: { service: 'cac-genai-graph' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type Logger = ReturnType<typeof createLogger>;
