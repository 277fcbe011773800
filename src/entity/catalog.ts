import type { EntityLabel } from '../graph/vocabulary';
import { clusterType } from './kinds/cluster';
import { companyType } from './kinds/company';
import { enterpriseTypeType } from './kinds/enterprise-type';
import { industryType } from './kinds/industry';
import { insightType } from './kinds/insight';
import { modelType } from './kinds/model';
import { policyType } from './kinds/policy';
import { regionType } from './kinds/region';
import { scenarioType } from './kinds/scenario';
import type { EntityType } from './types';

/** Every entity label's list machinery (a Record: a label added to the vocabulary without one fails tsc). */
export const ENTITY_KINDS: Record<EntityLabel, EntityType> = {
  Model: modelType,
  Company: companyType,
  Region: regionType,
  Cluster: clusterType,
  Industry: industryType,
  Scenario: scenarioType,
  Policy: policyType,
  EnterpriseType: enterpriseTypeType,
  Insight: insightType,
};
