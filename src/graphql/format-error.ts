import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors';

/** Codes Apollo itself produces for bad requests; they pass through unchanged. */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place errors leave the server: domain errors keep their code and details,
 * Apollo's request errors keep theirs, and everything else is masked as
 * INTERNAL_SERVER_ERROR (with the message only outside production).
 */
/** graphql-js suggests field and type names ("Did you mean ...?"): in production that maps the schema for a stranger. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function formatError(isProduction: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    // The parser recursing on a deeply nested document: say so, not what the runtime said.
    if (original instanceof Error && /Maximum call stack size exceeded/.test(formatted.message)) {
      return { message: 'The document is nested too deeply to parse.', extensions: { code: 'BAD_REQUEST' } };
    }
    let code = formatted.extensions?.code as string | undefined;
    // Apollo's own refusals that carry an HTTP 400 but no code (e.g. an APQ hash that does not match).
    const status = (original as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined;
    if (
      (!code || code === ErrorCode.INTERNAL_SERVER_ERROR) &&
      original instanceof GraphQLError &&
      status?.status === 400
    )
      code = 'BAD_REQUEST';
    // Refusals the server's own plugins raise (cost, allow-list) are GraphQLErrors with one of our codes.
    const ours =
      original instanceof GraphQLError &&
      code !== ErrorCode.INTERNAL_SERVER_ERROR &&
      (Object.values(ErrorCode) as string[]).includes(code ?? '');
    if (code && (APOLLO_CODES.has(code) || ours)) {
      const message = isProduction ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      return { ...formatted, message, extensions: { ...extensions, code } };
    }
    if (original instanceof TypeError && /^(Date|JSON) /.test(original.message)) {
      return { ...formatted, extensions: { code: ErrorCode.BAD_USER_INPUT } };
    }
    if (!isProduction) console.error(original);
    return {
      message: isProduction ? 'Internal server error' : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

const asProduction = formatError(true);

/**
 * The code an error leaves the server with, as formatError gives it: the one code the response,
 * the log line and the metrics carry (a resolver's BAD_USER_INPUT is not an internal error).
 */
export function errorCode(error: GraphQLError): string {
  const formatted = asProduction({ message: error.message, extensions: error.extensions, path: error.path }, error);
  return String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
}
