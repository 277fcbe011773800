import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { industryType } from '../industry/type';
import { insightType } from '../insight/type';
import { modelType } from '../model/type';
import { regionType } from '../region/type';
import { scenarioType } from './type';

export const scenarioResolvers: Resolvers = {
  Query: {
    ...entityQueries(scenarioType, 'scenario', 'scenarios'),
  },
  Scenario: {
    ...entityFields('Scenario'),
    typicalApplications: (row) => (row.typicalApplications as string[] | undefined) ?? [],
    hot: (row) => row.hot === true,
    models: relationField('Scenario', { type: 'APPLIED_IN', direction: 'IN', target: modelType }),
    industries: relationField('Scenario', { type: 'IN_INDUSTRY', direction: 'OUT', target: industryType }),
    focusedBy: relationField('Scenario', { type: 'FOCUSES_ON', direction: 'IN', target: regionType }),
    mentionedIn: relationField('Scenario', { type: 'MENTIONS', direction: 'IN', target: insightType }),
  },
};
