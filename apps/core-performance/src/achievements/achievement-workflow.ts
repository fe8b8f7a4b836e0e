import { CORE_EVENTS, type AchievementStatus } from '@sakip/contracts';
import type { Permission } from '@sakip/security';

/** DOMAIN.md "Achievement workflow": draft → submitted → verified → locked; submitted → revision → submitted. */
export type TransitionName = 'submit' | 'verify' | 'return';

export interface Transition {
  from: readonly AchievementStatus[];
  to: AchievementStatus;
  /** submit: the OPD (admin_opd of that OPD, or super_admin); verify/return: evaluators only. */
  permission: Permission;
  event: typeof CORE_EVENTS.achievementSubmitted | typeof CORE_EVENTS.achievementVerified | typeof CORE_EVENTS.achievementReturned;
}

export const TRANSITIONS: Readonly<Record<TransitionName, Transition>> = {
  submit: { from: ['draft', 'revision'], to: 'submitted', permission: 'achievements.write', event: CORE_EVENTS.achievementSubmitted },
  verify: { from: ['submitted'], to: 'verified', permission: 'achievements.verify', event: CORE_EVENTS.achievementVerified },
  return: { from: ['submitted'], to: 'revision', permission: 'achievements.verify', event: CORE_EVENTS.achievementReturned },
};

/** Realization, notes and documents change only while the OPD holds the achievement. */
export const EDITABLE_STATUSES: readonly AchievementStatus[] = ['draft', 'revision'];
/** Once submitted, an achievement is part of the record: only a draft may be deleted. */
export const DELETABLE_STATUSES: readonly AchievementStatus[] = ['draft'];
