import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import type { Config } from '../config';
import type { Database } from '../db/database';
import type { Context } from '../entity/context';
import type { Metrics } from '../observability/metrics';

interface Entry {
  version: number;
  data: Record<string, unknown>;
  size: number;
}

/**
 * Answers to repeated queries, kept while the graph is unchanged: each entry carries the
 * graph's change counter (every write through the database chokepoint bumps it, whichever
 * process wrote), and is served only while the counter still has that value. The counter is
 * re-read at most every `versionRecheckMs` (writes through this process are seen at once).
 * Keyed by the query text, operation name, variables and whether the caller sees audit
 * fields; bounded by the answers' JSON length. Limits (cost, depth) are checked before a
 * cached answer is served, as for any other; answers with errors are never kept.
 */
export function responseCachePlugin(
  db: Database,
  limits: Config['limits'],
  metrics: Metrics,
): ApolloServerPlugin<Context> {
  const entries = new InMemoryLRUCache<Entry>({
    maxSize: limits.responseCacheChars,
    sizeCalculation: (e: Entry) => Math.max(1, e.size),
  });
  let lastLearn = Number.NEGATIVE_INFINITY;
  return {
    async requestDidStart() {
      let key: string | null = null;
      let version = 0;
      let served = false;
      return {
        async responseForOperation(rc) {
          if (rc.operation?.operation !== 'query' || rc.source === undefined) return null;
          // The counter as this process last knew it, before anything is read: an answer is never
          // labelled newer than the graph it was read from (a write during execution only makes
          // the entry unusable).
          version = db.knownVersion();
          key = createHash('sha256')
            .update(
              JSON.stringify([
                rc.source,
                rc.operationName ?? null,
                rc.request.variables ?? {},
                rc.contextValue.principal ? 'audit' : 'public',
              ]),
            )
            .digest('base64url');
          const hit = await entries.get(key);
          // Only a possible hit is worth checking the counter for (a miss costs no extra read), and
          // not while the server is recovering from an outage (no extra statement then).
          if (hit && !db.recentlyUnavailable()) {
            let current: number;
            try {
              current = await db.recentVersion(limits.versionRecheckMs, { meter: rc.contextValue.meter });
            } catch {
              // Neo4j down or frozen: nothing can be checked; execution reports it properly.
              return null;
            }
            if (hit.version === current) {
              served = true;
              metrics.responseCache.inc({ result: 'hit' });
              return { http: rc.response.http, body: { kind: 'single', singleResult: { data: hit.data } } };
            }
            // Read before execution: a safe label for what is computed now.
            version = current;
          }
          metrics.responseCache.inc({ result: 'miss' });
          return null;
        },
        async willSendResponse(rc) {
          if (served || key === null || rc.response.body.kind !== 'single') return;
          const { data, errors } = rc.response.body.singleResult;
          if (errors?.length || !data) return;
          if (version < 0) {
            // Nothing known yet in this process: learn the counter for the next requests (outside
            // this one's statements, at most once a second), and keep nothing this time.
            if (performance.now() - lastLearn > 1000) {
              lastLearn = performance.now();
              void db.recentVersion(limits.versionRecheckMs).catch(() => undefined);
            }
            return;
          }
          const size = JSON.stringify(data).length;
          // One answer never takes more than a quarter of the cache.
          if (size * 4 > limits.responseCacheChars) return;
          await entries.set(key, { version, data, size });
        },
      };
    },
  };
}
