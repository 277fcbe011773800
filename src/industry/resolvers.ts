import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { insightType } from '../insight/type';
import { modelType } from '../model/type';
import { policyType } from '../policy/type';
import { regionType } from '../region/type';
import { scenarioType } from '../scenario/type';
import { industryType } from './type';

export const industryResolvers: Resolvers = {
  Query: {
    ...entityQueries(industryType, 'industry', 'industries'),
  },
  Industry: {
    ...entityFields('Industry'),
    technicalFeatures: (row) => (row.technicalFeatures as string[] | undefined) ?? [],
    models: relationField('Industry', { type: 'SERVES', direction: 'IN', target: modelType }),
    scenarios: relationField('Industry', { type: 'IN_INDUSTRY', direction: 'IN', target: scenarioType }),
    promotedBy: relationField('Industry', { type: 'PROMOTES', direction: 'IN', target: policyType }),
    regulatedBy: relationField('Industry', { type: 'REGULATES', direction: 'IN', target: policyType }),
    focusedBy: relationField('Industry', { type: 'FOCUSES_ON', direction: 'IN', target: regionType }),
    mentionedIn: relationField('Industry', { type: 'MENTIONS', direction: 'IN', target: insightType }),
  },
};
