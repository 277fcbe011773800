import { type EntityType, keyOrder, nameOrder } from '../types';

/** What an Insight states (the InsightKind enum of schema/insight.graphql). */
export const INSIGHT_KINDS = [
  'OVERVIEW',
  'TECH_TREND',
  'FUNDING_HOTSPOT',
  'POLICY_EFFECT',
  'CHALLENGE',
  'OUTLOOK',
  'REGIONAL_ADVANTAGE',
] as const;

export const insightType: EntityType = {
  label: 'Insight',
  whereFile: 'insight/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: { nameContains: 'text', kind: { enum: INSIGHT_KINDS } },
};
