import type { IndicatorAnalyticsView, IndicatorGrowthView, IndicatorProjectionView, IndicatorYearView } from '@sakip/contracts';
import { categoryOf, toApiNumber } from '../capaian/category';
import { isAtRisk } from '../capaian/projection';
import { periodsOf, type Period } from '../periods/period-calendar';
import { countsInFigures, performanceRow } from '../performance/performance-rows';
import { toApiValue } from '../performance/performance-rows';
import { growthPercent } from './growth';
import { cumulativeOf, type IndicatorYear } from './indicator-year';
import { projectYearEnd, type YearEndProjection } from './year-end-projection';

/** The indicator itself (from its row), whatever the years' plans. */
export interface IndicatorHeader {
  id: string;
  name: string;
  opd_id: string | null;
  objective_id: string | null;
  unit: string;
  frequency: string;
  aggregation: string;
  polarity: string;
}

const NO_GROWTH: IndicatorGrowthView = { basis: null, realization: null, capaian: null };

/**
 * Growth like for like: this year s.d. its `throughPeriod` against the previous year s.d. the same
 * period, so a running total through March is not compared with last year's whole year.
 */
export function indicatorGrowth(current: IndicatorYear, previous: IndicatorYear | null): IndicatorGrowthView {
  const now = cumulativeOf(current, 'Y');
  if (!now.through) return NO_GROWTH;
  const before = previous ? cumulativeOf(previous, now.through) : null;
  return {
    basis: now.through,
    realization: toApiNumber(growthPercent(now.realization, before?.realization ?? null)),
    capaian: toApiNumber(growthPercent(now.capaian, before?.capaian ?? null)),
  };
}

export function projectionView(p: YearEndProjection | null): IndicatorProjectionView | null {
  if (!p) return null;
  return {
    points: p.points,
    actual: p.actual,
    realization: toApiValue(p.realization) as number,
    target: toApiValue(p.target),
    capaian: toApiNumber(p.capaian),
    category: categoryOf(p.capaian),
    atRisk: isAtRisk(p.capaian),
  };
}

/** One year of the indicator; `data` null = no plan of the indicator covers it. */
export function indicatorYearView(year: number, data: IndicatorYear | null, previous: IndicatorYear | null, isCurrentYear: boolean): IndicatorYearView {
  if (!data) {
    return { year, inPlan: false, periods: [], throughPeriod: null, target: null, realization: null, capaian: null, category: null, growth: NO_GROWTH, projection: null };
  }
  const row = (p: Period) => performanceRow(data.indicator, year, p, data.targets, data.achievements, { cap: data.cap }).view;
  const periods = periodsOf(data.indicator.frequency).map((p) => {
    const view = row(p);
    const own = data.achievements.get(p);
    return {
      period: p,
      periodRealization: own && countsInFigures(own.status, false) ? toApiValue(own.realization) : null,
      target: view.target,
      realization: view.realization,
      capaian: view.capaian,
      category: view.category,
      status: view.status,
    };
  });
  const whole = row('Y');
  return {
    year,
    inPlan: true,
    periods,
    throughPeriod: whole.throughPeriod,
    target: whole.target,
    realization: whole.realization,
    capaian: whole.capaian,
    category: whole.category,
    growth: indicatorGrowth(data, previous),
    projection: isCurrentYear ? projectionView(projectYearEnd(data)) : null,
  };
}

/**
 * `/analytics/indicators/:id`: per year the trend, the year so far, growth and (current year) the
 * projection. `data` holds every year read, including the one before the first shown.
 */
export function indicatorAnalytics(header: IndicatorHeader, years: readonly number[], currentYear: number, data: ReadonlyMap<number, IndicatorYear | null>): IndicatorAnalyticsView {
  const views = years.map((y) => indicatorYearView(y, data.get(y) ?? null, data.get(y - 1) ?? null, y === currentYear));
  return {
    indicatorId: header.id,
    indicatorName: header.name,
    opdId: header.opd_id,
    objectiveId: header.objective_id,
    unit: header.unit,
    frequency: header.frequency,
    aggregation: header.aggregation,
    polarity: header.polarity,
    currentYear,
    atRisk: views.find((v) => v.year === currentYear)?.projection?.atRisk ?? false,
    years: views,
  };
}
