import { ENTITY_KINDS } from '../entity/catalog';
import { reads } from '../entity/projection';
import { entityFields, entityQueries, relationField, storedList } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';

export const scenarioResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Scenario, 'scenario', 'scenarios'),
  },
  Scenario: {
    ...entityFields('Scenario'),
    typicalApplications: storedList('typicalApplications'),
    hot: reads(['hot'], (row) => row.hot === true),
    models: relationField('Scenario', { type: 'APPLIED_IN', direction: 'IN', target: ENTITY_KINDS.Model }),
    industries: relationField('Scenario', { type: 'IN_INDUSTRY', direction: 'OUT', target: ENTITY_KINDS.Industry }),
    focusedBy: relationField('Scenario', { type: 'FOCUSES_ON', direction: 'IN', target: ENTITY_KINDS.Region }),
    mentionedIn: relationField('Scenario', { type: 'MENTIONS', direction: 'IN', target: ENTITY_KINDS.Insight }),
  },
};
