import { keyOrder, nameOrder, type EntityType } from '../entity/types';

export const companyType: EntityType = {
  label: 'Company',
  whereFile: 'company/where',
  orderFields: { NAME: nameOrder, KEY: keyOrder },
  defaultOrder: 'NAME',
  anchors: [
    ['region', 'company/anchor-region'],
    ['enterpriseType', 'company/anchor-type'],
  ],
  defaultAnchor: 'company/anchor-all',
  filters: { nameContains: 'text', region: 'text', enterpriseType: 'text', industry: 'text', hasFilings: 'boolean', synthetic: 'boolean' },
};
