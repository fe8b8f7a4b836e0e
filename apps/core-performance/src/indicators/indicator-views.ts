import type { IndicatorAggregation, IndicatorCategory, IndicatorFrequency, IndicatorParentType, IndicatorPolarity, IndicatorView } from '@sakip/contracts';

/** core.indicators as pg returns it (numeric as string). */
export interface IndicatorRow {
  id: string;
  parent_type: IndicatorParentType;
  parent_id: string;
  strategic_plan_id: string;
  objective_id: string | null;
  opd_id: string | null;
  name: string;
  definition: string;
  formula: string;
  unit: string;
  data_source: string | null;
  person_in_charge: string | null;
  category: IndicatorCategory;
  is_iku: boolean;
  weight: string;
  frequency: IndicatorFrequency;
  polarity: IndicatorPolarity;
  aggregation: IndicatorAggregation;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const INDICATOR_COLUMNS =
  'id, parent_type, parent_id, strategic_plan_id, objective_id, opd_id, name, definition, formula, unit, data_source, person_in_charge, category, is_iku, weight, frequency, polarity, aggregation, created_at, updated_at, version';

/** numeric(…, 4) text → JSON number at the edge (API.md: values are numbers); at most 4 decimals, so exact enough. */
export const numberOf = (numeric: string): number => Number(numeric);

export function toIndicatorView(r: IndicatorRow): IndicatorView {
  return {
    id: r.id,
    parentType: r.parent_type,
    parentId: r.parent_id,
    objectiveId: r.objective_id,
    opdId: r.opd_id,
    strategicPlanId: r.strategic_plan_id,
    name: r.name,
    definition: r.definition,
    formula: r.formula,
    unit: r.unit,
    dataSource: r.data_source,
    personInCharge: r.person_in_charge,
    category: r.category,
    isIku: r.is_iku,
    weight: numberOf(r.weight),
    frequency: r.frequency,
    polarity: r.polarity,
    aggregation: r.aggregation,
    version: r.version,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
