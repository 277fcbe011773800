import { keyOrder, nameOrder, type EntityType } from '../entity/types';

export const insightType: EntityType = {
  label: 'Insight',
  whereFile: 'insight/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: { nameContains: 'text', kind: { enum: ['OVERVIEW', 'TECH_TREND', 'FUNDING_HOTSPOT', 'POLICY_EFFECT', 'CHALLENGE', 'OUTLOOK'] } },
};
