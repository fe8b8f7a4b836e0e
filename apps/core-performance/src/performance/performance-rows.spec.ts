import Decimal from 'decimal.js';
import type { AchievementStatus, PerformanceRowView } from '@sakip/contracts';
import type { Period } from '../periods/period-calendar';
import { countsInFigures, performanceRow, sdPeriodOf, sortRows, statusOf, type EnteredAchievement, type IndicatorForPerformance, type PerformanceRow } from './performance-rows';

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

describe('countsInFigures', () => {
  it.each([
    ['draft', false, false],
    ['revision', false, false],
    ['submitted', false, true],
    ['verified', false, true],
    ['locked', false, true],
    ['draft', true, true],
    ['revision', true, true],
    ['submitted', true, true],
    ['verified', true, true],
    ['locked', true, true],
  ] as const)('%s with includeDrafts=%s counts: %s', (status, includeDrafts, expected) => {
    expect(countsInFigures(status, includeDrafts)).toBe(expected);
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
  const achieved = (entries: Record<string, [string, AchievementStatus]>) =>
    new Map<string, EnteredAchievement>(Object.entries(entries).map(([p, [realization, status]]) => [p, { realization, status }]));
  const cap = '150';

  it('gives the aggregated values to 4 decimals and the capaian to 2; Y runs through the latest entered period', () => {
    const achievements = achieved({ Q1: ['1', 'verified'], Q2: ['1', 'verified'], Q3: ['2', 'submitted'] });
    const { view, capaian } = performanceRow(indicator, 2026, 'Y', targets, achievements, { cap });
    // Y so far = s.d. Q3: mean(1, 1, 2) = 1.3333… against mean(3, 3, 3) = 3 → 44.444… %
    expect(view).toMatchObject({ target: 3, realization: 1.3333, capaian: 44.44, category: 'Sangat Rendah', status: 'submitted', period: 'Y', throughPeriod: 'Q3' });
    expect(capaian?.toFixed(6)).toBe('44.444444');
  });

  it('leaves a period no period of the frequency has ended by unscored', () => {
    const { view, capaian } = performanceRow({ ...indicator, frequency: 'annual' }, 2026, 'S1', targets, new Map(), { cap });
    expect(capaian).toBeNull();
    expect(view).toMatchObject({ target: null, realization: null, capaian: null, category: null, status: null, throughPeriod: null });
  });

  it('maps a period the frequency lacks to the latest one ended by it, which must be entered', () => {
    const monthly = { ...indicator, frequency: 'monthly' as const, aggregation: 'sum' as const };
    const months = { M01: '10', M02: '10', M03: '10', M04: '10', M05: '10', M06: '10' };
    const achievements = achieved({ M01: ['9', 'verified'], M03: ['12', 'verified'], M04: ['10', 'verified'] });
    // s.d. Q1 = s.d. M03: M01 + M03 = 21 against 20 (M02 not entered: matched periods) = 105 %.
    expect(performanceRow(monthly, 2026, 'Q1', months, achievements, { cap }).view).toMatchObject({ target: 20, realization: 21, capaian: 105, throughPeriod: 'M03', period: 'Q1' });
    // s.d. Q2 = s.d. M06, not entered: not scored; the target is that of M01–M06.
    expect(performanceRow(monthly, 2026, 'Q2', months, achievements, { cap }).view).toMatchObject({ target: 60, realization: null, capaian: null, category: null, throughPeriod: null, status: 'verified' });
  });

  describe('which achievements count', () => {
    // Q1 verified 3, Q2 a draft 1.5, Q3 returned (revision) 0: quarterly average, target 3 a quarter.
    const achievements = achieved({ Q1: ['3', 'verified'], Q2: ['1.5', 'draft'], Q3: ['0', 'revision'] });

    it.each<[string, Period, boolean, Partial<PerformanceRowView>]>([
      // Only Q1 counts: Y so far = s.d. Q1, 3 of 3.
      ['Y by default: the draft and the revision are ignored', 'Y', false, { throughPeriod: 'Q1', target: 3, realization: 3, capaian: 100, status: 'revision' }],
      // mean(3, 1.5, 0) = 1.5 of 3.
      ['Y with includeDrafts: all three count', 'Y', true, { throughPeriod: 'Q3', target: 3, realization: 1.5, capaian: 50, status: 'revision' }],
      ['s.d. Q2 by default: the draft Q2 is not entered yet', 'Q2', false, { throughPeriod: null, target: 3, realization: null, capaian: null, status: 'draft' }],
      // mean(3, 1.5) = 2.25 of 3.
      ['s.d. Q2 with includeDrafts', 'Q2', true, { throughPeriod: 'Q2', target: 3, realization: 2.25, capaian: 75, category: 'Sedang', status: 'draft' }],
      ['s.d. Q1 either way', 'Q1', false, { throughPeriod: 'Q1', realization: 3, capaian: 100, status: 'verified' }],
    ])('%s', (_name, period, includeDrafts, expected) => {
      expect(performanceRow(indicator, 2026, period, targets, achievements, { cap, includeDrafts }).view).toMatchObject(expected);
    });

    it('submitted and locked count like verified', () => {
      const all = achieved({ Q1: ['3', 'locked'], Q2: ['1.5', 'submitted'] });
      expect(performanceRow(indicator, 2026, 'Y', targets, all, { cap }).view).toMatchObject({ throughPeriod: 'Q2', realization: 2.25, capaian: 75, status: 'submitted' });
    });

    it('a row with only drafts is not scored by default', () => {
      const drafts = achieved({ Q1: ['3', 'draft'] });
      const { view, capaian } = performanceRow(indicator, 2026, 'Y', targets, drafts, { cap });
      expect(capaian).toBeNull();
      expect(view).toMatchObject({ throughPeriod: null, target: 3, realization: null, capaian: null, status: 'draft' });
      expect(performanceRow(indicator, 2026, 'Y', targets, drafts, { cap, includeDrafts: true }).capaian?.toFixed()).toBe('100');
    });
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
