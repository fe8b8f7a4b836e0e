import Decimal from 'decimal.js';
import type { AchievementStatus } from '@sakip/contracts';
import { weightedMean } from '../capaian/rollup';
import { indicatorTotals, overdueViews, rankOpds, statusCounts, type OpdScore } from './dashboard-summary';

const d = (x: string | null) => (x === null ? null : new Decimal(x));

describe('indicatorTotals', () => {
  it('counts every category (zeros included, best first) on the rounded value, and the not scored apart', () => {
    const totals = indicatorTotals(['95', '90.995', '90.994', '75.995', '66', '65.999', '51', '50.994', '0', null, null].map(d));
    expect(totals).toEqual({
      total: 11,
      scored: 9,
      notScored: 2,
      byCategory: [
        { category: 'Sangat Tinggi', count: 2 }, // 95, 90.995 → 91.00
        { category: 'Tinggi', count: 2 }, // 90.99, 76.00
        { category: 'Sedang', count: 2 }, // 66, 66.00
        { category: 'Rendah', count: 1 }, // 51
        { category: 'Sangat Rendah', count: 2 }, // 50.99, 0 (0 is a score, not "not scored")
      ],
    });
  });

  it('no indicators: all zero', () => {
    expect(indicatorTotals([])).toMatchObject({ total: 0, scored: 0, notScored: 0 });
    expect(indicatorTotals([]).byCategory.every((c) => c.count === 0)).toBe(true);
  });
});

describe('rankOpds', () => {
  const opd = (code: string, value: string | null, scored = value === null ? 0 : 1): OpdScore => ({
    opdId: `00000000-0000-0000-0000-0000000000${code.charCodeAt(0).toString(16)}`,
    code,
    name: `Dinas ${code}`,
    rollUp: { value: d(value), scored, total: 2 },
  });
  // B and A both show 90.00 (B's 90.004 rounds down): a tie, listed by code.
  const scores = [opd('G', '80'), opd('B', '90.004'), opd('A', '90'), opd('D', null), opd('C', '95'), opd('E', '70'), opd('F', '60')];
  const { opds, top, bottom } = rankOpds(scores);
  const brief = (list: typeof opds) => list.map((o) => [o.code, o.capaian, o.rank]);

  it('lists every OPD by code, the not scored one unranked (never 0)', () => {
    expect(brief(opds)).toEqual([
      ['A', 90, 2],
      ['B', 90, 2],
      ['C', 95, 1],
      ['D', null, null],
      ['E', 70, 5],
      ['F', 60, 6],
      ['G', 80, 4],
    ]);
    expect(opds.find((o) => o.code === 'D')).toMatchObject({ category: null, scoredObjectives: 0, objectives: 2 });
  });

  it('top 5: best first; equal shown values share a rank and go by code', () => {
    expect(brief(top)).toEqual([
      ['C', 95, 1],
      ['A', 90, 2],
      ['B', 90, 2],
      ['G', 80, 4],
      ['E', 70, 5],
    ]);
  });

  it('bottom 5: lowest first, ties by code too', () => {
    expect(brief(bottom)).toEqual([
      ['F', 60, 6],
      ['E', 70, 5],
      ['G', 80, 4],
      ['A', 90, 2],
      ['B', 90, 2],
    ]);
  });

  it('a tie at the cut is decided by code, the same way every time', () => {
    const tied = ['F', 'E', 'D', 'C', 'B', 'A'].map((c) => opd(c, '88.88'));
    expect(rankOpds(tied).top.map((o) => [o.code, o.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 1],
      ['D', 1],
      ['E', 1],
    ]);
    expect(rankOpds(tied).bottom.map((o) => o.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('codes compare naturally (OPD-2 before OPD-10)', () => {
    expect(rankOpds([opd('OPD-10', '50'), opd('OPD-2', '50')]).top.map((o) => o.code)).toEqual(['OPD-2', 'OPD-10']);
  });

  it('fewer than 10 scored: the lists overlap; none scored: both empty', () => {
    expect(rankOpds([opd('A', '70'), opd('B', '80')]).bottom.map((o) => o.code)).toEqual(['A', 'B']);
    expect(rankOpds([opd('A', null)])).toMatchObject({ top: [], bottom: [] });
  });

  it('shows the roll-up rounded half-up with its category', () => {
    const r = weightedMean([
      { value: d('81.25'), weight: '1' },
      { value: d('60'), weight: '1' },
    ]);
    expect(rankOpds([{ opdId: 'x', code: 'X', name: 'X', rollUp: { ...r, total: 2 } }]).top[0]).toMatchObject({ capaian: 70.63, category: 'Sedang', scoredObjectives: 2 });
  });
});

describe('statusCounts', () => {
  it('counts every status', () => {
    const a = (...statuses: AchievementStatus[]) => new Map(statuses.map((status, i) => [`Q${i + 1}`, { realization: '1', status }]));
    expect(statusCounts([a('verified', 'submitted'), a('draft'), a('locked', 'locked', 'revision'), new Map()])).toEqual({
      draft: 1,
      submitted: 1,
      revision: 1,
      verified: 1,
      locked: 2,
      total: 6,
    });
  });
});

describe('overdueViews', () => {
  it('every passed deadline in the order /periods lists them with its overdue OPDs (0 included), and the distinct count', () => {
    const passed = [
      { period: 'M01' as const, input_deadline: new Date('2026-02-10T00:00:00Z') },
      { period: 'Q1' as const, input_deadline: new Date('2026-04-10T00:00:00Z') },
      { period: 'Y' as const, input_deadline: new Date('2027-01-31T00:00:00Z') },
    ];
    const overdue = new Map([
      ['Q1', ['a', 'b']],
      ['Y', ['b']],
    ]);
    expect(overdueViews(passed, overdue)).toEqual({
      overdue: [
        { period: 'Y', inputDeadline: '2027-01-31T00:00:00.000Z', opdIds: ['b'], count: 1 },
        { period: 'Q1', inputDeadline: '2026-04-10T00:00:00.000Z', opdIds: ['a', 'b'], count: 2 },
        { period: 'M01', inputDeadline: '2026-02-10T00:00:00.000Z', opdIds: [], count: 0 },
      ],
      overdueOpds: 2,
    });
  });
});
