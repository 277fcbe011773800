import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterResolvers } from '../cluster/resolvers';
import { companyResolvers } from '../company/resolvers';
import { conflictResolvers } from '../conflict/resolvers';
import { editResolvers } from '../edit/resolvers';
import { enterpriseTypeResolvers } from '../enterprise-type/resolvers';
import type { Resolvers } from '../generated/graphql';
import { ENTITY_LABEL_ENUM } from '../graph/vocabulary';
import { industryResolvers } from '../industry/resolvers';
import { insightResolvers } from '../insight/resolvers';
import { modelResolvers } from '../model/resolvers';
import { pathResolvers } from '../path/resolvers';
import { policyResolvers } from '../policy/resolvers';
import { regionResolvers } from '../region/resolvers';
import { scenarioResolvers } from '../scenario/resolvers';
import { searchResolvers } from '../search/resolvers';
import { sourceResolvers } from '../source/resolvers';
import { statisticsResolvers } from '../statistics/resolvers';
import { vizResolvers } from '../viz/resolvers';
import { buildApiSchema } from './federation';
import { nodeResolvers } from './node';
import { DateScalar, JSONScalar } from './scalars';

export const SCHEMA_DIR = join(__dirname, '..', '..', 'schema');

export function typeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)))
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'));
}

export const resolvers: Resolvers[] = [
  // EntityLabel's values are ALL_CAPS in the API and the labels themselves inside.
  { Date: DateScalar, JSON: JSONScalar, EntityLabel: ENTITY_LABEL_ENUM as Resolvers['EntityLabel'] },
  nodeResolvers,
  modelResolvers,
  companyResolvers,
  regionResolvers,
  clusterResolvers,
  industryResolvers,
  scenarioResolvers,
  policyResolvers,
  enterpriseTypeResolvers,
  insightResolvers,
  sourceResolvers,
  searchResolvers,
  statisticsResolvers,
  conflictResolvers,
  pathResolvers,
  vizResolvers,
  editResolvers,
];

/** The schema the server serves: the SDL and resolvers above as a Federation 2 subgraph (./federation.ts). */
export function apiSchema(introspection = true) {
  return buildApiSchema(typeDefs(), resolvers, introspection);
}
