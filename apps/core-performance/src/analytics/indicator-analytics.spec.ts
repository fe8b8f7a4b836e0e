import type { AchievementStatus } from '@sakip/contracts';
import type { IndicatorForPerformance } from '../performance/performance-rows';
import { indicatorAnalytics, indicatorGrowth, indicatorYearView, type IndicatorHeader } from './indicator-analytics';
import type { IndicatorYear } from './indicator-year';

const indicator: IndicatorForPerformance = { id: 'i1', name: 'I1', objective_id: 's1', opd_id: 'a', frequency: 'quarterly', aggregation: 'sum', polarity: 'higher_better' };
const header: IndicatorHeader = { ...indicator, unit: 'persen' };
const year = (quarter: string, annual: string, entered: Record<string, [string, AchievementStatus]>): IndicatorYear => ({
  indicator,
  targets: { Y: annual, Q1: quarter, Q2: quarter, Q3: quarter, Q4: quarter },
  achievements: new Map(Object.entries(entered).map(([p, [realization, status]]) => [p, { realization, status }])),
  cap: '150',
});

// Last year: 20, 25, 25, 30 against 25 a quarter (100 %). This year: 30, 36 (and a draft Q3) against 30.
const last = year('25', '100', { Q1: ['20', 'verified'], Q2: ['25', 'verified'], Q3: ['25', 'verified'], Q4: ['30', 'verified'] });
const now = year('30', '120', { Q1: ['30', 'verified'], Q2: ['36', 'submitted'], Q3: ['1000', 'draft'] });

describe('indicatorGrowth', () => {
  it('compares like for like: both years s.d. this year\'s latest counted period', () => {
    // s.d. Q2: 66 vs 45 → +46.67 %; capaian 110 vs 90 → +22.22 %.
    expect(indicatorGrowth(now, last)).toEqual({ basis: 'Q2', realization: 46.67, capaian: 22.22 });
  });

  it('a complete year compares whole years', () => {
    expect(indicatorGrowth(last, year('25', '100', { Q1: ['10', 'verified'], Q2: ['10', 'verified'], Q3: ['10', 'verified'], Q4: ['50', 'verified'] }))).toEqual({
      basis: 'Q4',
      realization: 25,
      capaian: 25,
    });
  });

  it('null when not computable: no previous year, nothing counted, or the same period missing last year', () => {
    expect(indicatorGrowth(now, null)).toEqual({ basis: 'Q2', realization: null, capaian: null });
    expect(indicatorGrowth(year('30', '120', { Q1: ['5', 'draft'] }), last)).toEqual({ basis: null, realization: null, capaian: null });
    expect(indicatorGrowth(now, year('25', '100', { Q1: ['20', 'verified'] }))).toEqual({ basis: 'Q2', realization: null, capaian: null });
  });
});

describe('indicatorYearView', () => {
  it('the trend shows s.d. figures per period, the period\'s own counted value, and its status', () => {
    const view = indicatorYearView(2026, now, last, false);
    expect(view.periods).toEqual([
      { period: 'Q1', periodRealization: 30, target: 30, realization: 30, capaian: 100, category: 'Sangat Tinggi', status: 'verified' },
      { period: 'Q2', periodRealization: 36, target: 60, realization: 66, capaian: 110, category: 'Sangat Tinggi', status: 'submitted' },
      { period: 'Q3', periodRealization: null, target: 90, realization: null, capaian: null, category: null, status: 'draft' },
      { period: 'Q4', periodRealization: null, target: 120, realization: null, capaian: null, category: null, status: null },
    ]);
    expect(view).toMatchObject({ year: 2026, inPlan: true, throughPeriod: 'Q2', target: 60, realization: 66, capaian: 110, category: 'Sangat Tinggi', projection: null });
  });

  it('projects the current year only', () => {
    expect(indicatorYearView(2026, now, last, true).projection).toEqual({
      points: 2,
      actual: false,
      realization: 131,
      target: 120,
      capaian: 109.17,
      category: 'Sangat Tinggi',
      atRisk: false,
    });
  });

  it('a year outside the indicator\'s plans has no figures', () => {
    expect(indicatorYearView(2019, null, null, false)).toEqual({
      year: 2019,
      inPlan: false,
      periods: [],
      throughPeriod: null,
      target: null,
      realization: null,
      capaian: null,
      category: null,
      growth: { basis: null, realization: null, capaian: null },
      projection: null,
    });
  });
});

describe('indicatorAnalytics', () => {
  it('flags the indicator at risk from the current year\'s projection', () => {
    const slow = year('30', '120', { Q1: ['10', 'verified'] }); // → 40 by December: 33.33 %
    const view = indicatorAnalytics(header, [2025, 2026], 2026, new Map([[2024, null], [2025, last], [2026, slow]]));
    expect(view).toMatchObject({ indicatorId: 'i1', unit: 'persen', currentYear: 2026, atRisk: true });
    expect(view.years.map((y) => [y.year, y.projection?.capaian ?? null, y.growth.basis])).toEqual([
      [2025, null, 'Q4'],
      [2026, 33.33, 'Q1'],
    ]);
  });

  it('is not at risk when the current year is not asked for', () => {
    const slow = year('30', '120', { Q1: ['10', 'verified'] });
    expect(indicatorAnalytics(header, [2025], 2026, new Map([[2025, slow]])).atRisk).toBe(false);
  });
});
