import type { OpdAnalyticsView, OpdIndicatorCountsView, OpdProjectionView, OpdTrendPointView, OpdYearView } from '@sakip/contracts';
import type Decimal from 'decimal.js';
import { categoryOf, toApiNumber } from '../capaian/category';
import { isAtRisk } from '../capaian/projection';
import { MONTHS, type Period } from '../periods/period-calendar';
import { performanceRow } from '../performance/performance-rows';
import { growthPercent } from './growth';
import { cumulativeOf, type IndicatorYear } from './indicator-year';
import { meanOfObjectives, objectiveScores, type ObjectiveRef, type ScoredIndicator } from './score-rollup';
import { projectYearEnd } from './year-end-projection';

/** An OPD's indicators and sasaran of one year (its plans covering the year). */
export interface OpdYearInputs {
  indicators: readonly IndicatorYear[];
  objectives: readonly ObjectiveRef[];
  /** indicator id → weight (numeric text); missing = 1. */
  weights: ReadonlyMap<string, string>;
}

export interface OpdHeader {
  id: string;
  code: string;
  name: string;
}

/** The OPD roll-up (mean of sasaran, each the weighted mean of its indicators) of one capaian per indicator. */
function rollUp(inputs: OpdYearInputs, capaianOf: (i: IndicatorYear) => Decimal | null) {
  const scored: ScoredIndicator[] = inputs.indicators.map((i) => ({
    objectiveId: i.indicator.objective_id,
    weight: inputs.weights.get(i.indicator.id) ?? '1',
    capaian: capaianOf(i),
  }));
  return meanOfObjectives(objectiveScores(inputs.objectives, scored));
}

const sd = (year: number, p: Period) => (i: IndicatorYear) => performanceRow(i.indicator, year, p, i.targets, i.achievements, { cap: i.cap }).capaian;

/**
 * The previous year's OPD capaian like for like (as indicatorGrowth): each indicator s.d. the
 * period it has reached this year (`throughPeriod`), so this year so far is not compared with last
 * year's whole year. An indicator not scored this year (no period reached) does not count either.
 */
export function opdPreviousCapaian(current: OpdYearInputs, previous: OpdYearInputs): Decimal | null {
  const through = new Map(current.indicators.map((i) => [i.indicator.id, cumulativeOf(i, 'Y').through]));
  return rollUp(previous, (i) => {
    const period = through.get(i.indicator.id);
    return period ? cumulativeOf(i, period).capaian : null;
  }).value;
}

export function opdYearView(year: number, inputs: OpdYearInputs, previous: OpdYearInputs | null, isCurrentYear: boolean): OpdYearView {
  const yearCapaian = new Map(inputs.indicators.map((i) => [i.indicator.id, sd(year, 'Y')(i)]));
  const whole = rollUp(inputs, (i) => yearCapaian.get(i.indicator.id) ?? null);
  const periods: OpdTrendPointView[] = MONTHS.map((m) => {
    const r = rollUp(inputs, sd(year, m));
    return { period: m, capaian: toApiNumber(r.value), category: categoryOf(r.value), scoredObjectives: r.scored };
  });
  const scoredIndicators = [...yearCapaian.values()].filter((v) => v !== null).length;
  const counts: OpdIndicatorCountsView = { total: inputs.indicators.length, scored: scoredIndicators, projected: 0, atRisk: 0 };
  let projection: OpdProjectionView | null = null;
  if (isCurrentYear) {
    const projected = new Map(inputs.indicators.map((i) => [i.indicator.id, projectYearEnd(i)?.capaian ?? null]));
    const values = [...projected.values()];
    counts.projected = values.filter((v) => v !== null).length;
    counts.atRisk = values.filter((v) => isAtRisk(v)).length;
    const r = rollUp(inputs, (i) => projected.get(i.indicator.id) ?? null);
    projection = { capaian: toApiNumber(r.value), category: categoryOf(r.value), atRisk: isAtRisk(r.value), scoredObjectives: r.scored };
  }
  return {
    year,
    periods,
    capaian: toApiNumber(whole.value),
    category: categoryOf(whole.value),
    scoredObjectives: whole.scored,
    objectives: whole.total,
    capaianGrowth: toApiNumber(growthPercent(whole.value, previous ? opdPreviousCapaian(inputs, previous) : null)),
    projection,
    indicators: counts,
  };
}

/** `/analytics/opds/:id`; `data` holds every year read, including the one before the first shown. */
export function opdAnalytics(opd: OpdHeader, years: readonly number[], currentYear: number, data: ReadonlyMap<number, OpdYearInputs>): OpdAnalyticsView {
  const empty: OpdYearInputs = { indicators: [], objectives: [], weights: new Map() };
  const views = years.map((y) => opdYearView(y, data.get(y) ?? empty, data.get(y - 1) ?? null, y === currentYear));
  return {
    opdId: opd.id,
    code: opd.code,
    name: opd.name,
    currentYear,
    atRisk: views.find((v) => v.year === currentYear)?.projection?.atRisk ?? false,
    years: views,
  };
}
