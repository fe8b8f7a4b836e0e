import type { AchievementStatus, PerformanceRowView } from '@sakip/contracts';
import type Decimal from 'decimal.js';
import { CapaianDecimal, cumulativeCapaian } from '../capaian/capaian';
import { categoryOf, toApiNumber } from '../capaian/category';
import { isPeriodAllowed, lastMonthOf, periodsOf, periodsThrough, type Aggregation, type Frequency, type Period, type Polarity } from '../periods/period-calendar';
import { indonesianOrder } from '../common/indonesian-order';

export interface IndicatorForPerformance {
  id: string;
  name: string;
  objective_id: string | null;
  opd_id: string | null;
  frequency: Frequency;
  aggregation: Aggregation;
  polarity: Polarity;
}

export interface EnteredAchievement {
  realization: string;
  status: AchievementStatus;
}

export interface PerformanceRow {
  view: PerformanceRowView;
  /** Unrounded, for sorting; null = not scored. */
  capaian: Decimal | null;
}

/**
 * The period of the indicator's own frequency that *s.d.* p runs through, or null when none:
 * - p = Y, or a period the frequency has: p itself (Y = the whole year for every frequency);
 * - otherwise the latest period of the frequency that ends by p's last month, e.g. a monthly
 *   indicator s.d. Q2 = s.d. M06, a quarterly one s.d. S1 = s.d. Q2 and s.d. M05 = s.d. Q1,
 *   a semester one s.d. Q3 = s.d. S1; an annual one has nothing before the year ends (null for
 *   every p except those ending in December: Q4, S2, M12 and Y → the year).
 */
export function sdPeriodOf(freq: Frequency, p: Period): Period | null {
  if (p === 'Y' || isPeriodAllowed(freq, p)) return p;
  const ended = periodsOf(freq).filter((q) => lastMonthOf(q) <= lastMonthOf(p));
  return ended.length ? ended[ended.length - 1] : null;
}

/**
 * The status shown with a row: that of the achievement of exactly p when the frequency has p;
 * otherwise (p = Y for a non-annual indicator, or a period the frequency lacks) that of the latest
 * period s.d. p that has an achievement; null when there is none.
 */
export function statusOf(freq: Frequency, p: Period, achievements: ReadonlyMap<string, EnteredAchievement>): AchievementStatus | null {
  if (isPeriodAllowed(freq, p)) return achievements.get(p)?.status ?? null;
  const sd = sdPeriodOf(freq, p);
  if (!sd) return null;
  const latest = periodsThrough(freq, sd)
    .reverse()
    .find((q) => achievements.has(q));
  return latest ? (achievements.get(latest) as EnteredAchievement).status : null;
}

/** Targets and realizations as JSON numbers: the aggregated values, half-up to 4 decimals. */
export function toApiValue(x: Decimal | string | null): number | null {
  return x === null ? null : Number(new CapaianDecimal(x).toDecimalPlaces(4, CapaianDecimal.ROUND_HALF_UP).toFixed());
}

/**
 * Statuses whose realization is a reported figure: handed in (submitted), verified or locked. A
 * draft or a returned (`revision`) value is still the OPD's working copy, editable at any time.
 */
export const REPORTED_STATUSES: readonly AchievementStatus[] = ['submitted', 'verified', 'locked'];

/** Whether an achievement's realization counts; `includeDrafts` (operators' preview) counts every status. */
export function countsInFigures(status: AchievementStatus, includeDrafts: boolean): boolean {
  return includeDrafts || REPORTED_STATUSES.includes(status);
}

export interface PerformanceRowOptions {
  /** The capaian cap setting; null = no cap. */
  cap: string | null;
  /** Also count draft and revision achievements (default: only REPORTED_STATUSES). */
  includeDrafts?: boolean;
}

/**
 * One row of `/performance/data`: the cumulative (*s.d.* p) target, realization and capaian from
 * cumulativeCapaian — over the matched periods, p itself entered (Y: the year so far, through the
 * latest entered period, shown as `throughPeriod`). Only reported achievements count unless
 * `includeDrafts`; the row's status is that of the period's achievement whatever it is, so a
 * draft shows up as `draft` next to a figure that does not include it yet.
 */
export function performanceRow(
  indicator: IndicatorForPerformance,
  year: number,
  p: Period,
  targets: Readonly<Partial<Record<Period, string>>>,
  achievements: ReadonlyMap<string, EnteredAchievement>,
  { cap, includeDrafts = false }: PerformanceRowOptions,
): PerformanceRow {
  const sd = sdPeriodOf(indicator.frequency, p);
  const realizations: Partial<Record<Period, string>> = {};
  for (const [period, a] of achievements) {
    if (countsInFigures(a.status, includeDrafts)) realizations[period as Period] = a.realization;
  }
  const result = sd
    ? cumulativeCapaian({ frequency: indicator.frequency, aggregation: indicator.aggregation, polarity: indicator.polarity, cap, period: sd, targets, realizations })
    : { target: null, realization: null, capaian: null, through: null };
  return {
    capaian: result.capaian,
    view: {
      indicatorId: indicator.id,
      indicatorName: indicator.name,
      objectiveId: indicator.objective_id,
      opdId: indicator.opd_id,
      year,
      period: p,
      throughPeriod: result.through,
      target: toApiValue(result.target),
      realization: toApiValue(result.realization),
      capaian: toApiNumber(result.capaian),
      category: categoryOf(result.capaian),
      status: statusOf(indicator.frequency, p, achievements),
    },
  };
}

const byName = indonesianOrder;

/**
 * Sorts by `indicatorName` or `capaian` (`-` = descending); not-scored rows come last either way;
 * ties fall back to the name, then the indicator id, so pages are stable.
 */
export function sortRows(rows: PerformanceRow[], sort: string | undefined): PerformanceRow[] {
  const raw = sort ?? 'indicatorName';
  const desc = raw.startsWith('-');
  const field = desc ? raw.slice(1) : raw;
  const dir = desc ? -1 : 1;
  const tie = (a: PerformanceRow, b: PerformanceRow) =>
    byName.compare(a.view.indicatorName, b.view.indicatorName) || (a.view.indicatorId < b.view.indicatorId ? -1 : a.view.indicatorId > b.view.indicatorId ? 1 : 0);
  return [...rows].sort((a, b) => {
    if (field === 'capaian') {
      if (a.capaian === null || b.capaian === null) {
        if (a.capaian !== b.capaian) return a.capaian === null ? 1 : -1;
        return tie(a, b);
      }
      return dir * a.capaian.comparedTo(b.capaian) || tie(a, b);
    }
    return dir * tie(a, b);
  });
}
