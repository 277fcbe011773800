import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, GraphQLError, Kind } from 'graphql';
import type { Config } from '../config';
import { analyzeOperation, type CostReport } from '../cost/analyze';
import type { Context } from '../entity/context';
import { MAX_PAGE } from '../entity/paging';
import { AppError, ErrorCode, RETRY_AFTER_SECONDS } from '../errors';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import { errorCode } from './format-error';

function refuse(code: string, message: string, status: number, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

/**
 * Checked before execution: page sizes, cost (GitHub's rule: page sizes multiplied down
 * each path, summed), depth, aliases and root fields. Every response carries
 * `extensions.cost` with the requested cost and the budget.
 */
export function limitsPlugin(limits: Config['limits'], metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let report: CostReport | null = null;
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          report = analyzeOperation(schema, operation, fragments, request.variables ?? {});
          const cost = { requested: report.cost, budget: limits.costBudget };
          const over = report.oversized[0];
          if (over) {
            metrics.costRefusals.inc({ limit: 'page_size' });
            throw refuse(
              ErrorCode.BAD_USER_INPUT,
              `Argument "${over.argument}" of ${over.path} must be an integer from 0 to ${MAX_PAGE} (got ${over.value})`,
              400,
              { argument: over.argument, path: over.path, cost },
            );
          }
          const checks: [string, number, number][] = [
            ['depth', report.depth, limits.maxDepth],
            ['aliases', report.aliases, limits.maxAliases],
            ['root fields', report.rootFields, limits.maxRootFields],
          ];
          for (const [name, value, max] of checks) {
            if (value > max) {
              metrics.costRefusals.inc({ limit: name });
              throw refuse(
                ErrorCode.COST_LIMIT_EXCEEDED,
                `The query's ${name} is ${value}; at most ${max} is allowed`,
                400,
                { limit: name, cost },
              );
            }
          }
          if (report.cost > limits.costBudget) {
            metrics.costRefusals.inc({ limit: 'cost' });
            throw refuse(
              ErrorCode.COST_LIMIT_EXCEEDED,
              `The query may touch ${report.cost} nodes; the budget is ${limits.costBudget}. Ask for smaller pages or fewer nested lists.`,
              400,
              { limit: 'cost', cost },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: { requested: report?.cost ?? null, budget: limits.costBudget },
          };
        },
      };
    },
  };
}

/** Only operations whose text hashes into the allow-list run (TRUSTED_OPERATIONS_FILE). */
export function trustedOperationsPlugin(trusted: ReadonlySet<string>): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source }) {
          const hash = createHash('sha256').update(source).digest('hex');
          if (!trusted.has(hash))
            throw refuse(ErrorCode.FORBIDDEN, 'This operation is not in the list of trusted operations.', 403, {
              sha256: hash,
            });
        },
      };
    },
  };
}

/** Operation names are chosen by clients: at most this many become metric labels, the rest count as "other". */
export const MAX_OPERATION_LABELS = 100;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * A metric label from a client-chosen operation name, from a bounded set (each label value is a
 * series kept forever). Names the server knows (its playground's examples) always count; other
 * names take one of `max` places only when the caller is known (authenticated, or every
 * operation is trusted), so anonymous junk sent first cannot crowd real operations into "other".
 */
export function operationLabeller(
  known: ReadonlySet<string> = new Set(),
  max = MAX_OPERATION_LABELS,
): (name: string | null | undefined, vouched: boolean) => string {
  const seen = new Set<string>();
  return (name, vouched) => {
    if (!name) return 'anonymous';
    if (known.has(name) || seen.has(name)) return name;
    if (!vouched || !OPERATION_NAME.test(name) || seen.size >= max) return 'other';
    seen.add(name);
    return name;
  };
}

/**
 * Every GraphQL answer is marked no-store (answers depend on the caller's rights and on a graph
 * that changes), as Apollo's cache-control plugin marks an answer without cache hints.
 */
export function noStorePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

/** SERVICE_UNAVAILABLE means "retry later": say when, as HTTP does (Retry-After). */
export function retryAfterPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          if (
            (errors ?? []).some(
              (e) =>
                e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE ||
                unwrapAppCode(e) === ErrorCode.SERVICE_UNAVAILABLE,
            )
          ) {
            response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

const unwrapAppCode = (e: GraphQLError): string | undefined =>
  e.originalError instanceof AppError ? e.originalError.code : undefined;

/** One log line and the metrics for each request: operation, duration, outcome, Cypher files and their database time. */
export function observabilityPlugin(
  logger: Logger,
  metrics: Metrics,
  {
    knownOperations = new Set<string>(),
    allTrusted = false,
  }: { knownOperations?: ReadonlySet<string>; allTrusted?: boolean } = {},
): ApolloServerPlugin<Context> {
  const label = operationLabeller(knownOperations);
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, errors }) {
          const seconds = (performance.now() - started) / 1000;
          const codes = (errors ?? []).map(errorCode);
          const operation = operationName ?? 'anonymous';
          metrics.operationDuration.observe(
            {
              operation: label(operationName, allTrusted || contextValue.principal !== null),
              outcome: codes.length ? 'error' : 'ok',
            },
            seconds,
          );
          for (const code of codes) metrics.errors.inc({ code });
          for (const q of contextValue.meter.entries) metrics.queryDuration.observe({ file: q.file }, q.ms / 1000);
          const cost =
            response.body.kind === 'single'
              ? (response.body.singleResult.extensions?.cost as { requested?: number } | undefined)?.requested
              : undefined;
          logger.info(
            {
              requestId: contextValue.requestId,
              operation,
              principal: contextValue.principal?.name ?? null,
              durationMs: Math.round(seconds * 1000 * 10) / 10,
              cost,
              cypher: contextValue.meter.entries.map((q) => ({ file: q.file, ms: Math.round(q.ms * 10) / 10 })),
              errors: codes,
            },
            'graphql request',
          );
        },
      };
    },
  };
}
