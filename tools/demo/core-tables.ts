import { defineTable } from './dataset';

/** The core tables the demo fills (schema: apps/core-performance/src/migrations/1733000000000-init-core.ts). */

export interface OpdRow {
  id: string;
  code: string;
  name: string;
  short_name: string;
  head_name: string;
  head_position: string;
  head_rank: string;
  head_nip: string;
  is_active: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}
export const OPDS = defineTable<OpdRow>('core.opds', {
  id: 'uuid',
  code: 'text',
  name: 'text',
  short_name: 'text',
  head_name: 'text',
  head_position: 'text',
  head_rank: 'text',
  head_nip: 'text',
  is_active: 'bool',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

export interface StrategicPlanRow {
  id: string;
  opd_id: string | null;
  period_start: number;
  period_end: number;
  vision: string;
  mission: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export const STRATEGIC_PLANS = defineTable<StrategicPlanRow>('core.strategic_plans', {
  id: 'uuid',
  opd_id: 'uuid',
  period_start: 'int',
  period_end: 'int',
  vision: 'text',
  mission: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

export type PlanLevel = 'goal' | 'objective' | 'program' | 'activity' | 'sub_activity';

export interface PlanNodeRow {
  id: string;
  level: PlanLevel;
  strategic_plan_id: string;
  parent_id: string | null;
  opd_id: string | null;
  code: string;
  name: string;
  sort_order: number;
  sipd_code: string | null;
  rpjmd_objective_id: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export const PLAN_NODES = defineTable<PlanNodeRow>('core.plan_nodes', {
  id: 'uuid',
  level: 'text',
  strategic_plan_id: 'uuid',
  parent_id: 'uuid',
  opd_id: 'uuid',
  code: 'text',
  name: 'text',
  sort_order: 'int',
  sipd_code: 'text',
  rpjmd_objective_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

export interface IndicatorRow {
  id: string;
  parent_type: PlanLevel;
  parent_id: string;
  strategic_plan_id: string;
  objective_id: string | null;
  opd_id: string | null;
  name: string;
  definition: string;
  formula: string;
  unit: string;
  data_source: string;
  person_in_charge: string;
  category: 'input' | 'output' | 'outcome' | 'impact';
  is_iku: boolean;
  weight: string;
  frequency: string;
  polarity: string;
  aggregation: string;
  created_at: string;
  updated_at: string;
  version: number;
}
export const INDICATORS = defineTable<IndicatorRow>('core.indicators', {
  id: 'uuid',
  parent_type: 'text',
  parent_id: 'uuid',
  strategic_plan_id: 'uuid',
  objective_id: 'uuid',
  opd_id: 'uuid',
  name: 'text',
  definition: 'text',
  formula: 'text',
  unit: 'text',
  data_source: 'text',
  person_in_charge: 'text',
  category: 'text',
  is_iku: 'bool',
  weight: 'numeric',
  frequency: 'text',
  polarity: 'text',
  aggregation: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

export interface IndicatorTargetRow {
  indicator_id: string;
  year: number;
  annual: string;
  updated_at: string;
  version: number;
}
export const INDICATOR_TARGETS = defineTable<IndicatorTargetRow>('core.indicator_targets', {
  indicator_id: 'uuid',
  year: 'int',
  annual: 'numeric',
  updated_at: 'timestamptz',
  version: 'int',
});

export interface IndicatorTargetPeriodRow {
  indicator_id: string;
  year: number;
  period: string;
  value: string;
}
export const INDICATOR_TARGET_PERIODS = defineTable<IndicatorTargetPeriodRow>('core.indicator_target_periods', {
  indicator_id: 'uuid',
  year: 'int',
  period: 'text',
  value: 'numeric',
});

export interface IndicatorPlanTargetRow {
  indicator_id: string;
  year: number;
  annual: string;
}
export const INDICATOR_PLAN_TARGETS = defineTable<IndicatorPlanTargetRow>('core.indicator_plan_targets', {
  indicator_id: 'uuid',
  year: 'int',
  annual: 'numeric',
});

export interface PeriodRow {
  year: number;
  period: string;
  input_deadline: string | null;
  locked_at: string | null;
  locked_by: string | null;
  updated_at: string;
  version: number;
}
export const PERIODS = defineTable<PeriodRow>('core.periods', {
  year: 'int',
  period: 'text',
  input_deadline: 'timestamptz',
  locked_at: 'timestamptz',
  locked_by: 'text',
  updated_at: 'timestamptz',
  version: 'int',
});

export type AchievementStatus = 'draft' | 'submitted' | 'revision' | 'verified' | 'locked';

export interface AchievementRow {
  id: string;
  indicator_id: string;
  opd_id: string | null;
  year: number;
  period: string;
  realization: string;
  status: AchievementStatus;
  notes: string | null;
  input_by: string;
  verified_by: string | null;
  verified_at: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export const ACHIEVEMENTS = defineTable<AchievementRow>('core.achievements', {
  id: 'uuid',
  indicator_id: 'uuid',
  opd_id: 'uuid',
  year: 'int',
  period: 'text',
  realization: 'numeric',
  status: 'text',
  notes: 'text',
  input_by: 'text',
  verified_by: 'text',
  verified_at: 'timestamptz',
  first_submitted_at: 'timestamptz',
  submitted_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

export interface AchievementHistoryRow {
  id: string;
  achievement_id: string;
  from_status: AchievementStatus | null;
  to_status: AchievementStatus;
  actor: string;
  note: string | null;
  occurred_at: string;
}
export const ACHIEVEMENT_HISTORY = defineTable<AchievementHistoryRow>('core.achievement_history', {
  id: 'uuid',
  achievement_id: 'uuid',
  from_status: 'text',
  to_status: 'text',
  actor: 'text',
  note: 'text',
  occurred_at: 'timestamptz',
});
