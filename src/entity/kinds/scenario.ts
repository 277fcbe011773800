import { type EntityType, keyOrder, nameOrder } from '../types';

export const scenarioType: EntityType = {
  label: 'Scenario',
  whereFile: 'scenario/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  filters: { nameContains: 'text', hot: 'boolean', industry: 'text' },
};
