import type { ErrorDetail, PlanLevel } from '@sakip/contracts';

/**
 * The shape of the planning tree (DOMAIN.md "Planning tree"): which level hangs under which, the
 * public name of its parent field, and the optional fields only some levels take. Pure.
 */
export interface LevelRule {
  /** null: a goal hangs directly under the strategic plan. */
  parentLevel: PlanLevel | null;
  /** The create body's parent field, also echoed in the view (goal: strategicPlanId). */
  parentField: 'strategicPlanId' | 'goalId' | 'objectiveId' | 'programId' | 'activityId';
  /** What the API calls it in messages. */
  label: string;
  takesSipdCode: boolean;
  takesRpjmdObjective: boolean;
}

export const LEVELS: Record<PlanLevel, LevelRule> = {
  goal: { parentLevel: null, parentField: 'strategicPlanId', label: 'Goal', takesSipdCode: false, takesRpjmdObjective: false },
  objective: { parentLevel: 'goal', parentField: 'goalId', label: 'Objective', takesSipdCode: false, takesRpjmdObjective: true },
  program: { parentLevel: 'objective', parentField: 'objectiveId', label: 'Program', takesSipdCode: true, takesRpjmdObjective: false },
  activity: { parentLevel: 'program', parentField: 'programId', label: 'Activity', takesSipdCode: true, takesRpjmdObjective: false },
  sub_activity: { parentLevel: 'activity', parentField: 'activityId', label: 'Sub-activity', takesSipdCode: true, takesRpjmdObjective: false },
};

/** The level directly below (null under a sub-activity). */
export function childLevelOf(level: PlanLevel): PlanLevel | null {
  return (Object.keys(LEVELS) as PlanLevel[]).find((l) => LEVELS[l].parentLevel === level) ?? null;
}

const PARENT_FIELDS = ['strategicPlanId', 'goalId', 'objectiveId', 'programId', 'activityId'] as const;

/**
 * The RPC payload carries every level's optional fields (one subject for all five): a field that
 * does not belong to `level` is refused as the gateway's level-specific body would refuse it.
 * `creating` adds the parent field rule (required for create, never in an update).
 */
export function levelFieldErrors(level: PlanLevel, payload: Record<string, unknown>, creating: boolean): ErrorDetail[] {
  const rule = LEVELS[level];
  const errors: ErrorDetail[] = [];
  const present = (k: string) => payload[k] !== undefined;
  for (const field of PARENT_FIELDS) {
    if (creating && field === rule.parentField) {
      if (!present(field)) errors.push({ field, message: `${field} is required for a ${level}` });
    } else if (present(field)) {
      errors.push({ field, message: creating ? `property ${field} should not exist` : `property ${field} should not exist (moving a node is not supported)` });
    }
  }
  if (!rule.takesSipdCode && present('sipdCode')) errors.push({ field: 'sipdCode', message: 'property sipdCode should not exist' });
  if (!rule.takesRpjmdObjective && present('rpjmdObjectiveId')) errors.push({ field: 'rpjmdObjectiveId', message: 'property rpjmdObjectiveId should not exist' });
  return errors;
}

/** List filters: only the level's own parent field (plus the common ones) may be given. */
export function listFilterErrors(level: PlanLevel, q: Record<string, unknown>): ErrorDetail[] {
  const rule = LEVELS[level];
  return PARENT_FIELDS.filter((f) => f !== 'strategicPlanId' && f !== rule.parentField && q[f] !== undefined).map((field) => ({
    field,
    message: `property ${field} should not exist`,
  }));
}
