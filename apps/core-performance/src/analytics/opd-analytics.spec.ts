import type { AchievementStatus } from '@sakip/contracts';
import type { IndicatorForPerformance } from '../performance/performance-rows';
import type { IndicatorYear } from './indicator-year';
import { opdAnalytics, opdYearView, type OpdYearInputs } from './opd-analytics';

function indicator(id: string, objective: string, spec: Pick<IndicatorForPerformance, 'frequency' | 'aggregation'>, targets: Record<string, string>, entered: Record<string, [string, AchievementStatus]>): IndicatorYear {
  return {
    indicator: { id, name: id, objective_id: objective, opd_id: 'a', polarity: 'higher_better', ...spec },
    targets,
    achievements: new Map(Object.entries(entered).map(([p, [realization, status]]) => [p, { realization, status }])),
    cap: '150',
  };
}
const months = (v: string) => Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`M${String(i + 1).padStart(2, '0')}`, v]));
const quarters = (v: string, annual: string) => ({ Y: annual, Q1: v, Q2: v, Q3: v, Q4: v });
const objectives = [
  { id: 'S1', opdId: 'a', code: 'S1', name: 'Sasaran 1' },
  { id: 'S2', opdId: 'a', code: 'S2', name: 'Sasaran 2' },
];

// I1 quarterly sum: 30, 36 against 30 a quarter (110 % so far, projected 109.17 %).
// I2 monthly average: 90, 80, 70 against 100 (80 % so far, projected 35 %: at risk).
// I3 on S2: only a draft (not scored), so S2 does not count.
const current: OpdYearInputs = {
  objectives,
  weights: new Map([
    ['I1', '1'],
    ['I2', '1'],
  ]),
  indicators: [
    indicator('I1', 'S1', { frequency: 'quarterly', aggregation: 'sum' }, quarters('30', '120'), { Q1: ['30', 'verified'], Q2: ['36', 'verified'], Q3: ['99', 'draft'] }),
    indicator('I2', 'S1', { frequency: 'monthly', aggregation: 'average' }, { ...quarters('100', '100'), ...months('100') }, { M01: ['90', 'verified'], M02: ['80', 'verified'], M03: ['70', 'verified'] }),
    indicator('I3', 'S2', { frequency: 'quarterly', aggregation: 'sum' }, quarters('10', '40'), { Q1: ['5', 'draft'] }),
  ],
};
const previous: OpdYearInputs = {
  objectives,
  weights: new Map(),
  indicators: [indicator('I1', 'S1', { frequency: 'quarterly', aggregation: 'sum' }, quarters('25', '100'), { Q1: ['20', 'verified'], Q2: ['25', 'verified'], Q3: ['25', 'verified'], Q4: ['30', 'verified'] })],
};

describe('opdYearView', () => {
  const view = opdYearView(2026, current, previous, true);

  it('the year so far: mean of the scored sasaran (S1 = mean of 110 and 80)', () => {
    expect(view).toMatchObject({ year: 2026, capaian: 95, category: 'Sangat Tinggi', scoredObjectives: 1, objectives: 2 });
  });

  it('growth like for like: the previous year s.d. the period each indicator has reached this year', () => {
    // I1 has reached Q2 (Q3 is a draft): 2025 s.d. Q2 = (20 + 25) / (25 + 25) = 90 % (its whole year
    // would be 100 %). I2 has no 2025: S1 2025 = 90. Growth = (95 − 90) / 90 × 100 = 5.5555… → 5.56.
    expect(view.capaianGrowth).toBe(5.56);
  });

  it('growth: every indicator at its own period, weighted as the previous year weighs it', () => {
    // 2025: I1 s.d. Q2 = 90 % (weight 1); I2 monthly average s.d. M03 = (60 + 70 + 80) / 3 = 70 % of
    // 100 (weight 3; its whole year would be 92.5 %). S1 2025 = (90 + 3 × 70) / 4 = 75.
    // Growth = (95 − 75) / 75 × 100 = 26.666… → 26.67 (whole years would give 95 vs 94.375).
    const before: OpdYearInputs = {
      objectives,
      weights: new Map([['I2', '3']]),
      indicators: [
        previous.indicators[0],
        indicator('I2', 'S1', { frequency: 'monthly', aggregation: 'average' }, { ...quarters('100', '100'), ...months('100') }, {
          ...Object.fromEntries(Object.keys(months('')).map((m) => [m, ['100', 'verified'] as [string, AchievementStatus]])),
          M01: ['60', 'verified'],
          M02: ['70', 'verified'],
          M03: ['80', 'verified'],
        }),
      ],
    };
    expect(opdYearView(2026, current, before, true).capaianGrowth).toBe(26.67);
  });

  it('projection: the roll-up of the indicators\' projected capaian, and the at-risk count', () => {
    // S1 = (109.1666… + 35) / 2 = 72.0833…
    expect(view.projection).toEqual({ capaian: 72.08, category: 'Sedang', atRisk: true, scoredObjectives: 1 });
    expect(view.indicators).toEqual({ total: 3, scored: 2, projected: 2, atRisk: 1 });
  });

  it('the monthly trend takes every indicator s.d. its latest period ending by the month', () => {
    expect(view.periods.map((p) => [p.period, p.capaian])).toEqual([
      ['M01', 90], // I1 has no quarter yet; I2 90
      ['M02', 85],
      ['M03', 90], // I1 s.d. Q1 100, I2 s.d. M03 80
      ['M04', 100], // I2's April not entered: not scored
      ['M05', 100],
      ['M06', 110], // I1 s.d. Q2
      ['M07', 110],
      ['M08', 110],
      ['M09', null], // Q3 is only a draft
      ['M10', null],
      ['M11', null],
      ['M12', null],
    ]);
  });

  it('no projection outside the current year', () => {
    expect(opdYearView(2025, previous, null, false)).toMatchObject({ capaian: 100, capaianGrowth: null, projection: null, indicators: { total: 1, scored: 1, projected: 0, atRisk: 0 } });
  });
});

describe('opdAnalytics', () => {
  it('carries the current year\'s at-risk flag; a year without plans is empty', () => {
    const view = opdAnalytics({ id: 'a', code: 'A', name: 'Dinas A' }, [2019, 2025, 2026], 2026, new Map([[2025, previous], [2026, current]]));
    expect(view).toMatchObject({ opdId: 'a', code: 'A', currentYear: 2026, atRisk: true });
    expect(view.years.map((y) => [y.year, y.capaian, y.objectives, y.capaianGrowth])).toEqual([
      [2019, null, 0, null],
      [2025, 100, 2, null],
      [2026, 95, 2, 5.56],
    ]);
  });
});
