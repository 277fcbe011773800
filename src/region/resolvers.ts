import { ENTITY_KINDS } from '../entity/catalog';
import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';

export const regionResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Region, 'region', 'regions'),
    regionByCode: (_p, args, ctx) => ctx.loaders.byKey('Region').load(args.code.trim()),
  },
  Region: {
    ...entityFields('Region'),
    models: relationField('Region', { type: 'FILED_IN', direction: 'IN', target: ENTITY_KINDS.Model }),
    companies: relationField('Region', { type: 'BASED_IN', direction: 'IN', target: ENTITY_KINDS.Company }),
    clusters: relationField('Region', { type: 'PART_OF', direction: 'OUT', target: ENTITY_KINDS.Cluster }),
    within: relationField('Region', { type: 'WITHIN', direction: 'OUT', target: ENTITY_KINDS.Region }),
    subregions: relationField('Region', { type: 'WITHIN', direction: 'IN', target: ENTITY_KINDS.Region }),
    policies: relationField('Region', { type: 'APPLIES_TO', direction: 'IN', target: ENTITY_KINDS.Policy }),
    focusIndustries: relationField('Region', { type: 'FOCUSES_ON', direction: 'OUT', target: ENTITY_KINDS.Industry }),
    focusScenarios: relationField('Region', { type: 'FOCUSES_ON', direction: 'OUT', target: ENTITY_KINDS.Scenario }),
    insights: relationField('Region', { type: 'MENTIONS', direction: 'IN', target: ENTITY_KINDS.Insight }),
  },
};
