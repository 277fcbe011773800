import { GraphQLError } from 'graphql';

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

/** A bad argument: names the argument and the rule it broke. */
export function badInput(argument: string, rule: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `Argument "${argument}" ${rule}`, { argument, ...extra });
}

export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
}
