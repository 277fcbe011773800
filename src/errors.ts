/** The closed set of error codes the API puts in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  COST_LIMIT_EXCEEDED: 'COST_LIMIT_EXCEEDED',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A domain error: services throw these; formatError passes them through with their code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** An integer argument within [min, max], or BAD_USER_INPUT naming it and the range: the one home of that rule. */
export function intArgument(argument: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw badInput(argument, `must be an integer from ${min} to ${max}`, { value });
  return value;
}

/** A bad argument: names the argument and the rule it broke. */
export function badInput(argument: string, rule: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `Argument "${argument}" ${rule}`, { argument, ...extra });
}

/** The HTTP status for each code, wherever an error ends a whole HTTP response. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  COST_LIMIT_EXCEEDED: 400,
  QUERY_TIMEOUT: 504,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

/** Seconds a client should wait before retrying a SERVICE_UNAVAILABLE answer (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;

/** The JSON body of an HTTP error outside GraphQL (the /graph feeds, /metrics), shaped like a GraphQL error. */
export function errorBody(error: AppError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: { code: error.code, ...error.details } }] };
}
