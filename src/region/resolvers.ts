import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { clusterType } from '../cluster/type';
import { companyType } from '../company/type';
import { industryType } from '../industry/type';
import { insightType } from '../insight/type';
import { modelType } from '../model/type';
import { policyType } from '../policy/type';
import { scenarioType } from '../scenario/type';
import { regionType } from './type';

export const regionResolvers: Resolvers = {
  Query: {
    ...entityQueries(regionType, 'region', 'regions'),
    regionByCode: (_p, args, ctx) => ctx.loaders.byKey('Region').load(args.code.trim()),
  },
  Region: {
    ...entityFields('Region'),
    models: relationField('Region', { type: 'FILED_IN', direction: 'IN', target: modelType }),
    companies: relationField('Region', { type: 'BASED_IN', direction: 'IN', target: companyType }),
    clusters: relationField('Region', { type: 'PART_OF', direction: 'OUT', target: clusterType }),
    within: relationField('Region', { type: 'WITHIN', direction: 'OUT', target: regionType }),
    subregions: relationField('Region', { type: 'WITHIN', direction: 'IN', target: regionType }),
    policies: relationField('Region', { type: 'APPLIES_TO', direction: 'IN', target: policyType }),
    focusIndustries: relationField('Region', { type: 'FOCUSES_ON', direction: 'OUT', target: industryType }),
    focusScenarios: relationField('Region', { type: 'FOCUSES_ON', direction: 'OUT', target: scenarioType }),
    insights: relationField('Region', { type: 'MENTIONS', direction: 'IN', target: insightType }),
  },
};
