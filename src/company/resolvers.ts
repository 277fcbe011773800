import { ENTITY_KINDS } from '../entity/catalog';
import { reads } from '../entity/projection';
import { entityFields, entityQueries, relationField } from '../entity/resolvers';
import type { Resolvers } from '../generated/graphql';
import { companyPolicies } from '../policy/service';

export const companyResolvers: Resolvers = {
  Query: {
    ...entityQueries(ENTITY_KINDS.Company, 'company', 'companies'),
  },
  Company: {
    ...entityFields('Company'),
    models: relationField('Company', { type: 'DEVELOPS', direction: 'OUT', target: ENTITY_KINDS.Model }),
    regions: relationField('Company', { type: 'BASED_IN', direction: 'OUT', target: ENTITY_KINDS.Region }),
    enterpriseTypes: relationField('Company', {
      type: 'HAS_TYPE',
      direction: 'OUT',
      target: ENTITY_KINDS.EnterpriseType,
    }),
    mentionedIn: relationField('Company', { type: 'MENTIONS', direction: 'IN', target: ENTITY_KINDS.Insight }),
    policies: reads(['key'], (company, args, ctx) => companyPolicies(ctx, company.key, args)),
  },
};
