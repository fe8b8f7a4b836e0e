import { cumulativeCapaian, type CumulativeCapaian } from '../capaian/capaian';
import type { Period } from '../periods/period-calendar';
import { countsInFigures, type EnteredAchievement, type IndicatorForPerformance } from '../performance/performance-rows';
import type { PerformanceInputs } from '../performance/performance.repository';

/** One indicator's year as the performance repository reads it: targets, achievements and the cap. */
export interface IndicatorYear {
  indicator: IndicatorForPerformance;
  targets: Readonly<Partial<Record<Period, string>>>;
  achievements: ReadonlyMap<string, EnteredAchievement>;
  cap: string | null;
}

/** Each indicator of a PerformanceRepository read with its own targets and achievements. */
export function indicatorYears(input: PerformanceInputs): IndicatorYear[] {
  return input.indicators.map((indicator) => ({
    indicator,
    targets: input.targets.get(indicator.id) ?? {},
    achievements: input.achievements.get(indicator.id) ?? new Map<string, EnteredAchievement>(),
    cap: input.cap,
  }));
}

/** The realizations that count in figures (reported statuses only, as in `/performance/data`). */
export function countedRealizations(achievements: ReadonlyMap<string, EnteredAchievement>): Partial<Record<Period, string>> {
  const counted: Partial<Record<Period, string>> = {};
  for (const [period, a] of achievements) if (countsInFigures(a.status, false)) counted[period as Period] = a.realization;
  return counted;
}

/** The capaian engine's s.d. figures of `period` (a period of the frequency, or Y = the year so far), unrounded. */
export function cumulativeOf(year: IndicatorYear, period: Period, realizations = countedRealizations(year.achievements)): CumulativeCapaian {
  const { frequency, aggregation, polarity } = year.indicator;
  return cumulativeCapaian({ frequency, aggregation, polarity, cap: year.cap, period, targets: year.targets, realizations });
}
