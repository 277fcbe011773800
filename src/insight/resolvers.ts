import { ENTITY_KINDS } from '../entity/catalog';
import { reads } from '../entity/projection';
import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';

export const insightResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Insight, 'insight', 'insights'),
  },
  Insight: {
    ...entityFields('Insight'),
    text: reads(['text', 'name'], (row) => String(row.text ?? row.name)),
    models: relationField('Insight', { type: 'EXEMPLIFIES', direction: 'IN', target: ENTITY_KINDS.Model }),
    companies: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: ENTITY_KINDS.Company }),
    industries: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: ENTITY_KINDS.Industry }),
    scenarios: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: ENTITY_KINDS.Scenario }),
    policies: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: ENTITY_KINDS.Policy }),
    regions: relationField('Insight', { type: 'MENTIONS', direction: 'OUT', target: ENTITY_KINDS.Region }),
  },
};
