import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics, served at /metrics. One registry per app, so tests can build several. */
export function createMetrics(cachedDocuments: () => number = () => 0) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'GraphQL operation latency by operation name and outcome',
      labelNames: ['operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    queryDuration: new Histogram({
      name: 'neo4j_query_duration_seconds',
      help: 'Neo4j statement latency by .cypher file',
      labelNames: ['file'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors returned, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    cachedDocuments: new Gauge({
      name: 'graphql_document_cache_entries',
      help: 'Parsed operations held by the bounded document cache (DOCUMENT_CACHE_CHARS)',
      registers: [registry],
      collect() {
        this.set(cachedDocuments());
      },
    }),
    responseCache: new Counter({
      name: 'graphql_response_cache_total',
      help: 'Queries answered from the response cache (hit) or executed (miss)',
      labelNames: ['result'],
      registers: [registry],
    }),
    costRefusals: new Counter({
      name: 'graphql_cost_refusals_total',
      help: 'Requests refused before execution by a cost or shape limit',
      labelNames: ['limit'],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
