import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import type { Context } from '../entity/context';
import type { Run } from './tools';

/** The package's version, as the MCP server announces itself. */
export const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * Tool calls as GraphQL operations through the one Apollo server: its plugins (cost, depth and
 * alias limits, metrics, logs) and resolvers run exactly as for /graphql, with a fresh context
 * per call (per-request loaders, the caller's principal).
 */
export function graphqlRunner(apollo: ApolloServer<Context>, context: () => Context): Run {
  return async (query, variables) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context() });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental response');
    const { data, errors } = response.body.singleResult;
    return { data: (data ?? null) as Record<string, unknown> | null, errors };
  };
}
