export interface ClaimRow {
  __label: 'Claim';
  key: string;
  metric: string;
  value?: number | null;
  valueMax?: number | null;
  valueText?: string | null;
  comparator: string;
  unit: string;
  asOf?: string | null;
  period?: string | null;
  quote: string;
  sourceKey: string;
}
