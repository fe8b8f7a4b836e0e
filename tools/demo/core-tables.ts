import { defineTable } from './dataset';

/** The core tables the demo fills (schema: apps/core-performance/src/migrations/1733000000000-init-core.ts and the later migrations named below). */

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

/* Budget (schema: apps/core-performance/src/migrations/1733100000000-budget.ts). Money columns travel as 2-decimal text. */

export type BudgetNodeType = 'program' | 'activity' | 'sub_activity';
export type BudgetSource = 'manual' | 'sipd';

export interface BudgetAllocationRow {
  id: string;
  node_type: BudgetNodeType;
  node_id: string;
  opd_id: string;
  year: number;
  revision: 'murni' | 'perubahan';
  pagu: string;
  sipd_code: string | null;
  source: BudgetSource;
  created_at: string;
  updated_at: string;
  version: number;
}
export const BUDGET_ALLOCATIONS = defineTable<BudgetAllocationRow>('core.budget_allocations', {
  id: 'uuid',
  node_type: 'text',
  node_id: 'uuid',
  opd_id: 'uuid',
  year: 'int',
  revision: 'text',
  pagu: 'numeric',
  sipd_code: 'text',
  source: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

export interface BudgetRealizationRow {
  id: string;
  node_type: BudgetNodeType;
  node_id: string;
  opd_id: string;
  year: number;
  month: number;
  amount: string;
  source: BudgetSource;
  created_at: string;
  updated_at: string;
  version: number;
}
export const BUDGET_REALIZATIONS = defineTable<BudgetRealizationRow>('core.budget_realizations', {
  id: 'uuid',
  node_type: 'text',
  node_id: 'uuid',
  opd_id: 'uuid',
  year: 'int',
  month: 'int',
  amount: 'numeric',
  source: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

/* LKE evaluations (schema: apps/core-performance/src/migrations/1733100000100-evaluations.ts). */

export interface EvaluationRow {
  id: string;
  opd_id: string;
  year: number;
  template_code: string;
  template_version: number;
  status: 'draft' | 'final' | 'published';
  score: string | null;
  grade: string | null;
  created_by: string;
  finalized_by: string | null;
  finalized_at: string | null;
  published_by: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
export const EVALUATIONS = defineTable<EvaluationRow>('core.evaluations', {
  id: 'uuid',
  opd_id: 'uuid',
  year: 'int',
  template_code: 'text',
  template_version: 'int',
  status: 'text',
  score: 'numeric',
  grade: 'text',
  created_by: 'text',
  finalized_by: 'text',
  finalized_at: 'timestamptz',
  published_by: 'text',
  published_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});

export interface EvaluationComponentRow {
  id: string;
  evaluation_id: string;
  code: string;
  name: string;
  weight: string;
  sort_order: number;
}
export const EVALUATION_COMPONENTS = defineTable<EvaluationComponentRow>('core.evaluation_components', {
  id: 'uuid',
  evaluation_id: 'uuid',
  code: 'text',
  name: 'text',
  weight: 'numeric',
  sort_order: 'int',
});

export interface EvaluationSubComponentRow {
  id: string;
  evaluation_id: string;
  component_id: string;
  code: string;
  kind: 'keberadaan' | 'kualitas' | 'pemanfaatan';
  name: string;
  share: string;
  weight: string;
  sort_order: number;
}
export const EVALUATION_SUB_COMPONENTS = defineTable<EvaluationSubComponentRow>('core.evaluation_sub_components', {
  id: 'uuid',
  evaluation_id: 'uuid',
  component_id: 'uuid',
  code: 'text',
  kind: 'text',
  name: 'text',
  share: 'numeric',
  weight: 'numeric',
  sort_order: 'int',
});

/** `evidence_file_ids` is left to its default (`{}`): the demo links no files. */
export interface EvaluationCriterionRow {
  id: string;
  evaluation_id: string;
  sub_component_id: string;
  code: string;
  question: string;
  answer_type: 'yes_no' | 'a_to_e';
  sort_order: number;
  answer: string | null;
  note: string | null;
  answered_by: string | null;
  answered_at: string | null;
}
export const EVALUATION_CRITERIA = defineTable<EvaluationCriterionRow>('core.evaluation_criteria', {
  id: 'uuid',
  evaluation_id: 'uuid',
  sub_component_id: 'uuid',
  code: 'text',
  question: 'text',
  answer_type: 'text',
  sort_order: 'int',
  answer: 'text',
  note: 'text',
  answered_by: 'text',
  answered_at: 'timestamptz',
});

export interface EvaluationRecommendationRow {
  id: string;
  evaluation_id: string;
  component_id: string;
  text: string;
  created_by: string;
  created_at: string;
  follow_up_text: string | null;
  follow_up_status: 'open' | 'in_progress' | 'done';
  follow_up_by: string | null;
  follow_up_at: string | null;
  updated_at: string;
  version: number;
}
export const EVALUATION_RECOMMENDATIONS = defineTable<EvaluationRecommendationRow>('core.evaluation_recommendations', {
  id: 'uuid',
  evaluation_id: 'uuid',
  component_id: 'uuid',
  text: 'text',
  created_by: 'text',
  created_at: 'timestamptz',
  follow_up_text: 'text',
  follow_up_status: 'text',
  follow_up_by: 'text',
  follow_up_at: 'timestamptz',
  updated_at: 'timestamptz',
  version: 'int',
});
