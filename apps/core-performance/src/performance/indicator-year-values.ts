import type { EntityManager } from 'typeorm';
import type { Period } from '../periods/period-calendar';
import type { EnteredAchievement } from './performance-rows';

/** One year's targets (annual as `Y`, plus the split) and entered achievements of some indicators. */
export interface IndicatorYearValues {
  targets: Map<string, Partial<Record<Period, string>>>;
  achievements: Map<string, Map<string, EnteredAchievement>>;
}

/**
 * Loads the targets and achievements of `indicatorIds` for `year` in two set-based queries (never
 * one per indicator), as exact decimal strings. Run it inside the caller's snapshot transaction so
 * the numbers agree with the indicators read there.
 */
export async function loadIndicatorYearValues(tx: EntityManager, year: number, indicatorIds: readonly string[]): Promise<IndicatorYearValues> {
  const targetRows: Array<{ indicator_id: string; period: Period; value: string }> = await tx.query(
    `SELECT indicator_id, 'Y' AS period, annual::text AS value FROM core.indicator_targets WHERE year = $1 AND indicator_id = ANY($2::uuid[])
     UNION ALL
     SELECT indicator_id, period, value::text FROM core.indicator_target_periods WHERE year = $1 AND indicator_id = ANY($2::uuid[])`,
    [year, indicatorIds],
  );
  const achievementRows: Array<{ indicator_id: string; period: string } & EnteredAchievement> = await tx.query(
    `SELECT indicator_id, period, realization::text AS realization, status FROM core.achievements WHERE year = $1 AND indicator_id = ANY($2::uuid[])`,
    [year, indicatorIds],
  );
  const targets = new Map<string, Partial<Record<Period, string>>>();
  for (const t of targetRows) {
    const of = targets.get(t.indicator_id) ?? {};
    of[t.period] = t.value;
    targets.set(t.indicator_id, of);
  }
  const achievements = new Map<string, Map<string, EnteredAchievement>>();
  for (const a of achievementRows) {
    const of = achievements.get(a.indicator_id) ?? new Map<string, EnteredAchievement>();
    of.set(a.period, { realization: a.realization, status: a.status });
    achievements.set(a.indicator_id, of);
  }
  return { targets, achievements };
}
