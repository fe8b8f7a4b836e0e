/** Request/reply subjects served by `core-performance` (`<service>.<entity>.<action>.v<n>`). */
export const CORE_SUBJECTS = {
  /** Paged snapshot of every OPD (cursor + limit ≤ 1000), to bootstrap before following `evt.core.opd.changed.v1`. */
  opdList: 'core.opd.list.v1',
  /** Sets an OPD's head (PIHAK PERTAMA) from SIMPEG. */
  opdHeadUpsert: 'core.opd.head.upsert.v1',
  /** A batch of SIPD budget allocations and realizations, upserted by code. */
  budgetUpsert: 'core.budget.upsert.v1',

  // Routed by the gateway for the public API (API.md "Core performance"); the caller identity rides along.
  settingsGet: 'core.settings.get.v1',
  settingsUpdate: 'core.settings.update.v1',

  opdQuery: 'core.opd.query.v1',
  opdGet: 'core.opd.get.v1',
  opdCreate: 'core.opd.create.v1',
  opdUpdate: 'core.opd.update.v1',
  opdDelete: 'core.opd.delete.v1',

  strategicPlanQuery: 'core.strategic_plan.query.v1',
  strategicPlanGet: 'core.strategic_plan.get.v1',
  strategicPlanCreate: 'core.strategic_plan.create.v1',
  strategicPlanUpdate: 'core.strategic_plan.update.v1',
  strategicPlanDelete: 'core.strategic_plan.delete.v1',
  strategicPlanTree: 'core.strategic_plan.tree.v1',

  /** Goals, objectives, programs, activities and sub-activities: one set, the level travels in the payload. */
  planNodeQuery: 'core.plan_node.query.v1',
  planNodeGet: 'core.plan_node.get.v1',
  planNodeCreate: 'core.plan_node.create.v1',
  planNodeUpdate: 'core.plan_node.update.v1',
  planNodeDelete: 'core.plan_node.delete.v1',

  indicatorQuery: 'core.indicator.query.v1',
  indicatorGet: 'core.indicator.get.v1',
  indicatorCreate: 'core.indicator.create.v1',
  indicatorUpdate: 'core.indicator.update.v1',
  indicatorDelete: 'core.indicator.delete.v1',
  targetGet: 'core.target.get.v1',
  targetPut: 'core.target.put.v1',
  planTargetGet: 'core.plan_target.get.v1',
  planTargetPut: 'core.plan_target.put.v1',

  periodList: 'core.period.list.v1',
  periodUpdate: 'core.period.update.v1',
  periodLock: 'core.period.lock.v1',

  achievementQuery: 'core.achievement.query.v1',
  achievementGet: 'core.achievement.get.v1',
  achievementCreate: 'core.achievement.create.v1',
  achievementUpdate: 'core.achievement.update.v1',
  achievementDelete: 'core.achievement.delete.v1',
  achievementSubmit: 'core.achievement.submit.v1',
  achievementVerify: 'core.achievement.verify.v1',
  achievementReturn: 'core.achievement.return.v1',
  achievementHistory: 'core.achievement.history.v1',

  /** Achievement import from an uploaded file: an asynchronous job, its status and per-row results. */
  importCreate: 'core.import.create.v1',
  importGet: 'core.import.get.v1',
  importRows: 'core.import.rows.v1',

  performanceData: 'core.performance.data.v1',

  auditQuery: 'core.audit.query.v1',

  budgetAllocationQuery: 'core.budget_allocation.query.v1',
  budgetAllocationGet: 'core.budget_allocation.get.v1',
  budgetAllocationCreate: 'core.budget_allocation.create.v1',
  budgetAllocationUpdate: 'core.budget_allocation.update.v1',
  budgetAllocationDelete: 'core.budget_allocation.delete.v1',
  budgetRealizationQuery: 'core.budget_realization.query.v1',
  budgetRealizationGet: 'core.budget_realization.get.v1',
  budgetRealizationCreate: 'core.budget_realization.create.v1',
  budgetRealizationUpdate: 'core.budget_realization.update.v1',
  budgetRealizationDelete: 'core.budget_realization.delete.v1',
  budgetSummary: 'core.budget.summary.v1',

  evaluationQuery: 'core.evaluation.query.v1',
  evaluationGet: 'core.evaluation.get.v1',
  evaluationCreate: 'core.evaluation.create.v1',
  evaluationDelete: 'core.evaluation.delete.v1',
  evaluationAnswer: 'core.evaluation.answer.v1',
  evaluationRecommend: 'core.evaluation.recommend.v1',
  evaluationFinalize: 'core.evaluation.finalize.v1',
  evaluationPublish: 'core.evaluation.publish.v1',
  evaluationFollowUp: 'core.evaluation.follow_up.v1',

  dashboardSummary: 'core.dashboard.summary.v1',
  analyticsIndicator: 'core.analytics.indicator.v1',
  analyticsOpd: 'core.analytics.opd.v1',
} as const;

export type CoreSubject = (typeof CORE_SUBJECTS)[keyof typeof CORE_SUBJECTS];
