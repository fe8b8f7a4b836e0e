import type Decimal from 'decimal.js';
import { capaianOf, CapaianDecimal as D } from '../capaian/capaian';
import { linearProjection, type ProjectionPoint } from '../capaian/projection';
import { lastMonthOf, periodsOf } from '../periods/period-calendar';
import { countedRealizations, cumulativeOf, type IndicatorYear } from './indicator-year';

/** The month a year-end value is read at. */
const YEAR_END_MONTH = 12;

/**
 * Least-squares input (DOMAIN.md "Analytics": the year-end value from the months so far): one point
 * per counted period of the frequency, x = the period's last month, y = the cumulative (s.d.)
 * realization through it, aggregated like the year (sum: running total; average: running mean;
 * last: the level). A running total is 0 before the year starts, so `sum` also passes through
 * (0, 0): one quarter of 30 then projects 120, not a flat 30.
 */
export function projectionPoints(year: IndicatorYear, realizations = countedRealizations(year.achievements)): ProjectionPoint[] {
  const points: ProjectionPoint[] = [];
  for (const p of periodsOf(year.indicator.frequency)) {
    if (realizations[p] === undefined) continue;
    const { realization } = cumulativeOf(year, p, realizations);
    if (realization) points.push({ x: lastMonthOf(p), y: realization });
  }
  if (points.length && year.indicator.aggregation === 'sum') points.unshift({ x: 0, y: new D(0) });
  return points;
}

export interface YearEndProjection {
  /** Counted periods the estimate rests on. */
  points: number;
  /** The year's last period is counted: the actual year value, nothing projected. */
  actual: boolean;
  realization: Decimal;
  /** The whole year's target (the matched periods' when actual), null when targets are missing. */
  target: Decimal | null;
  /** Capaian of `realization` against `target`, cap applied; null without targets. */
  capaian: Decimal | null;
}

/**
 * The year-end value and its capaian from what is counted so far; null when nothing is. A complete
 * year (its last period counted) is its own answer; otherwise the least-squares line through
 * projectionPoints is read at December and scored against the whole year's target.
 */
export function projectYearEnd(year: IndicatorYear): YearEndProjection | null {
  const realizations = countedRealizations(year.achievements);
  const periods = periodsOf(year.indicator.frequency);
  const counted = periods.filter((p) => realizations[p] !== undefined).length;
  if (counted === 0) return null;
  if (realizations[periods[periods.length - 1]] !== undefined) {
    const whole = cumulativeOf(year, 'Y', realizations);
    if (whole.realization) return { points: counted, actual: true, realization: whole.realization, target: whole.target, capaian: whole.capaian };
  }
  const value = linearProjection(projectionPoints(year, realizations), YEAR_END_MONTH);
  if (value === null) return null;
  const target = cumulativeOf(year, 'Y', {}).target;
  const capaian = target === null ? null : capaianOf(value, target, year.indicator.polarity, year.cap);
  return { points: counted, actual: false, realization: value, target, capaian };
}
