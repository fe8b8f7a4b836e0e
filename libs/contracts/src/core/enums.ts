/** Achievement workflow states (DOMAIN.md "Achievement workflow"). */
export const ACHIEVEMENT_STATUSES = ['draft', 'submitted', 'revision', 'verified', 'locked'] as const;
export type AchievementStatus = (typeof ACHIEVEMENT_STATUSES)[number];

/** Where an indicator hangs in the planning tree (DOMAIN.md "Indicators"). */
export const INDICATOR_PARENT_TYPES = ['goal', 'objective', 'program', 'activity', 'sub_activity'] as const;
export type IndicatorParentType = (typeof INDICATOR_PARENT_TYPES)[number];

/** LKE grades (DOMAIN.md "Evaluation"). */
export const LKE_GRADES = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;
export type LkeGrade = (typeof LKE_GRADES)[number];

export const BUDGET_REVISIONS = ['murni', 'perubahan'] as const;
export type BudgetRevision = (typeof BUDGET_REVISIONS)[number];

/** What kind of change a `*.changed` event reports. */
export const CHANGE_KINDS = ['created', 'updated', 'deleted'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
