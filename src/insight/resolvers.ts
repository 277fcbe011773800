import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { companyType } from '../company/type';
import { industryType } from '../industry/type';
import { modelType } from '../model/type';
import { policyType } from '../policy/type';
import { regionType } from '../region/type';
import { scenarioType } from '../scenario/type';
import { insightType } from './type';

export const insightResolvers: Resolvers = {
  Query: {
    ...entityQueries(insightType, 'insight', 'insights'),
  },
  Insight: {
    ...entityFields('Insight'),
    text: (row) => String(row.text ?? row.name),
    models: relationField('Insight', { type: 'EXEMPLIFIES', direction: 'IN', target: modelType }),
    companies: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: companyType }),
    industries: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: industryType }),
    scenarios: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: scenarioType }),
    policies: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: policyType }),
    regions: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: regionType }),
  },
};
