import pino from 'pino';

/**
 * Structured JSON logs (pino): one line per request with id, operation, duration and the Cypher
 * files run. To standard output, or to standard error (fd 2) where standard output is a
 * protocol (npm run mcp speaks MCP on it).
 */
export function createLogger(level: string, fd: 1 | 2 = 1) {
  return pino(
    { level, base: { service: 'cac-genai-graph' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination(fd),
  );
}
export type Logger = ReturnType<typeof createLogger>;
