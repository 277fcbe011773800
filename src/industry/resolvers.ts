import { ENTITY_KINDS } from '../entity/catalog';
import { entityFields, entityQueries, relationField, storedList } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';

export const industryResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Industry, 'industry', 'industries'),
  },
  Industry: {
    ...entityFields('Industry'),
    technicalFeatures: storedList('technicalFeatures'),
    models: relationField('Industry', { type: 'SERVES', direction: 'IN', target: ENTITY_KINDS.Model }),
    scenarios: relationField('Industry', { type: 'IN_INDUSTRY', direction: 'IN', target: ENTITY_KINDS.Scenario }),
    promotedBy: relationField('Industry', { type: 'PROMOTES', direction: 'IN', target: ENTITY_KINDS.Policy }),
    regulatedBy: relationField('Industry', { type: 'REGULATES', direction: 'IN', target: ENTITY_KINDS.Policy }),
    focusedBy: relationField('Industry', { type: 'FOCUSES_ON', direction: 'IN', target: ENTITY_KINDS.Region }),
    mentionedIn: relationField('Industry', { type: 'MENTIONS', direction: 'IN', target: ENTITY_KINDS.Insight }),
  },
};
