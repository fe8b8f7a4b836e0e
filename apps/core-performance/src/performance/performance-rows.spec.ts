import Decimal from 'decimal.js';
import type { PerformanceRowView } from '@sakip/contracts';
import { performanceRow, sdPeriodOf, sortRows, statusOf, type EnteredAchievement, type IndicatorForPerformance, type PerformanceRow } from './performance-rows';

describe('sdPeriodOf', () => {
  it.each([
    ['monthly', 'Y', 'Y'],
    ['monthly', 'M05', 'M05'],
    ['monthly', 'Q1', 'M03'],
    ['monthly', 'S2', 'M12'],
    ['quarterly', 'S1', 'Q2'],
    ['quarterly', 'M05', 'Q1'],
    ['quarterly', 'M02', null],
    ['semester', 'Q3', 'S1'],
    ['semester', 'Q1', null],
    ['semester', 'M12', 'S2'],
    ['annual', 'Q2', null],
    ['annual', 'S1', null],
    ['annual', 'Q4', 'Y'],
    ['annual', 'M12', 'Y'],
    ['annual', 'Y', 'Y'],
  ] as const)('%s s.d. %s runs through %s', (freq, p, expected) => {
    expect(sdPeriodOf(freq, p)).toBe(expected);
  });
});

describe('statusOf', () => {
  const entered = (entries: Record<string, string>) =>
    new Map(Object.entries(entries).map(([p, status]) => [p, { realization: '1', status } as EnteredAchievement]));

  it('is the exact period when the frequency has it', () => {
    expect(statusOf('quarterly', 'Q2', entered({ Q1: 'verified' }))).toBeNull();
    expect(statusOf('quarterly', 'Q1', entered({ Q1: 'verified', Q2: 'draft' }))).toBe('verified');
    expect(statusOf('annual', 'Y', entered({ Y: 'locked' }))).toBe('locked');
  });

  it('is the latest period s.d. p with an achievement otherwise', () => {
    expect(statusOf('monthly', 'Y', entered({ M01: 'verified', M04: 'draft' }))).toBe('draft');
    expect(statusOf('monthly', 'Q1', entered({ M01: 'verified', M04: 'draft' }))).toBe('verified');
    expect(statusOf('semester', 'Q1', entered({ S1: 'verified' }))).toBeNull();
    expect(statusOf('quarterly', 'Y', entered({}))).toBeNull();
  });
});

describe('performanceRow', () => {
  const indicator: IndicatorForPerformance = {
    id: '00000000-0000-4000-8000-000000000001',
    name: 'x',
    objective_id: null,
    opd_id: null,
    frequency: 'quarterly',
    aggregation: 'average',
    polarity: 'higher_better',
  };
  const targets = { Y: '3', Q1: '3', Q2: '3', Q3: '3', Q4: '3' };

  it('gives the aggregated values to 4 decimals and the capaian to 2', () => {
    const achievements = new Map<string, EnteredAchievement>([
      ['Q1', { realization: '1', status: 'verified' }],
      ['Q2', { realization: '1', status: 'verified' }],
      ['Q3', { realization: '2', status: 'submitted' }],
    ]);
    const { view, capaian } = performanceRow(indicator, 2026, 'Y', targets, achievements, '150');
    // mean(1, 1, 2) = 1.3333…, 1.3333… / 3 = 44.444… %
    expect(view).toMatchObject({ target: 3, realization: 1.3333, capaian: 44.44, category: 'Sangat Rendah', status: 'submitted', period: 'Y' });
    expect(capaian?.toFixed(6)).toBe('44.444444');
  });

  it('leaves a period no period of the frequency has ended by unscored', () => {
    const { view, capaian } = performanceRow({ ...indicator, frequency: 'annual' }, 2026, 'S1', targets, new Map(), '150');
    expect(capaian).toBeNull();
    expect(view).toMatchObject({ target: null, realization: null, capaian: null, category: null, status: null });
  });
});

describe('sortRows', () => {
  const r = (name: string, id: string, capaian: string | null): PerformanceRow => ({
    capaian: capaian === null ? null : new Decimal(capaian),
    view: { indicatorName: name, indicatorId: id } as PerformanceRowView,
  });
  const rows = [r('Indikator 10', 'c', '50'), r('Indikator 2', 'b', null), r('indikator 2', 'a', '90.001'), r('Indikator 1', 'd', '90')];
  const names = (sorted: PerformanceRow[]) => sorted.map((x) => `${x.view.indicatorName}/${x.view.indicatorId}`);

  it('sorts names numerically and case-insensitively, ids breaking ties', () => {
    expect(names(sortRows(rows, undefined))).toEqual(['Indikator 1/d', 'indikator 2/a', 'Indikator 2/b', 'Indikator 10/c']);
    expect(names(sortRows(rows, '-indicatorName'))).toEqual(['Indikator 10/c', 'Indikator 2/b', 'indikator 2/a', 'Indikator 1/d']);
  });

  it('sorts by the unrounded capaian with unscored rows last either way', () => {
    expect(names(sortRows(rows, 'capaian'))).toEqual(['Indikator 10/c', 'Indikator 1/d', 'indikator 2/a', 'Indikator 2/b']);
    expect(names(sortRows(rows, '-capaian'))).toEqual(['indikator 2/a', 'Indikator 1/d', 'Indikator 10/c', 'Indikator 2/b']);
  });
});
