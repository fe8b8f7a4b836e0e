import type { PeriodView } from '@sakip/contracts';
import { ALL_PERIODS, coveringPeriods, type Period } from './period-calendar';
import { isoOrNull } from '../database/row-values';

/** A stored `core.periods` row; a period without one has no deadline, no lock and version 0. */
export interface PeriodRow {
  year: number;
  period: Period;
  input_deadline: Date | null;
  locked_at: Date | null;
  locked_by: string | null;
  updated_at: Date | null;
  version: number;
}


/**
 * The 19 periods of a year as the API shows them. `locked` holds when the period or a period
 * containing it is locked; lockedAt/lockedBy are those of the lock that froze it first (its own
 * when it is itself locked earliest).
 */
export function periodViews(year: number, rows: readonly PeriodRow[], overdue: ReadonlyMap<string, string[]>): PeriodView[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return ALL_PERIODS.map((period) => periodView(year, period, byPeriod, overdue.get(period) ?? []));
}

export function periodView(year: number, period: Period, byPeriod: ReadonlyMap<string, PeriodRow>, overdueOpdIds: string[]): PeriodView {
  const own = byPeriod.get(period);
  const lock = coveringPeriods(period)
    .map((p) => byPeriod.get(p))
    .filter((r): r is PeriodRow => !!r?.locked_at)
    .sort((a, b) => (a.locked_at as Date).getTime() - (b.locked_at as Date).getTime())[0];
  return {
    year,
    period,
    inputDeadline: isoOrNull(own?.input_deadline ?? null),
    locked: !!lock,
    lockedAt: isoOrNull(lock?.locked_at ?? null),
    lockedBy: lock?.locked_by ?? null,
    overdueOpdIds,
    version: own?.version ?? 0,
    updatedAt: own && own.version > 0 ? isoOrNull(own.updated_at) : null,
  };
}
