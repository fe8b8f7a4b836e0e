import type { ErrorDetail } from '@sakip/contracts';
import { yearOutsidePlan } from '../indicators/target-values';
import { isPeriodAllowed, periodsOf, type Frequency } from '../periods/period-calendar';

/** What an achievement must fit: the indicator's frequency and its plan's five years. */
export interface AchievementFitBasis {
  frequency: Frequency;
  period_start: number;
  period_end: number;
}

/**
 * Why `year`/`period` do not fit the indicator ([] when they do): a period its frequency has, a
 * year of its plan. Checked before the transaction (400 with nothing written) and again on the
 * indicator as re-read under its lock inside it, so a concurrent change cannot slip through.
 */
export function achievementFitErrors(indicator: AchievementFitBasis, year: number, period: string): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!isPeriodAllowed(indicator.frequency, period)) {
    errors.push({ field: 'period', message: `a ${indicator.frequency} indicator reports in ${periodsOf(indicator.frequency).join(', ')}` });
  }
  const outside = yearOutsidePlan(year, indicator.period_start, indicator.period_end);
  if (outside) errors.push(outside);
  return errors;
}
