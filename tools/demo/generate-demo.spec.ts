import { isUuidV7 } from '@sakip/persistence';
import { maxOpds } from './catalog/opd-catalog';
import { ACHIEVEMENTS, BUDGET_ALLOCATIONS, BUDGET_REALIZATIONS, EVALUATION_CRITERIA, EVALUATION_RECOMMENDATIONS, EVALUATIONS, INDICATORS, OPDS, PLAN_NODES } from './core-tables';
import { generateDemo } from './generate-demo';
import { apportion, rupiah } from './generator/budget';
import { allocate } from './generator/target-split';

describe('demo generator', () => {
  const small = generateDemo({ opds: 3 });

  it('is deterministic: the same seed gives the same rows and ids', () => {
    const again = generateDemo({ opds: 3 });
    expect(JSON.stringify(again.data.all())).toBe(JSON.stringify(small.data.all()));
    const other = generateDemo({ opds: 3, seed: 'another' });
    expect(other.data.rows(OPDS)[0].id).not.toBe(small.data.rows(OPDS)[0].id);
  });

  it('scales by taking the first N OPDs: a larger demo contains the smaller one', () => {
    const two = generateDemo({ opds: 2 });
    const opdIds = new Set(two.data.rows(OPDS).map((o) => o.id));
    const mine = <R extends { opd_id: string | null }>(rows: R[]) => rows.filter((r) => r.opd_id !== null && opdIds.has(r.opd_id));
    expect(mine(small.data.rows(INDICATORS))).toEqual(mine(two.data.rows(INDICATORS)));
    expect(mine(small.data.rows(ACHIEVEMENTS))).toEqual(mine(two.data.rows(ACHIEVEMENTS)));
    expect(mine(small.data.rows(BUDGET_ALLOCATIONS))).toEqual(mine(two.data.rows(BUDGET_ALLOCATIONS)));
    expect(mine(small.data.rows(BUDGET_REALIZATIONS))).toEqual(mine(two.data.rows(BUDGET_REALIZATIONS)));
    // The evaluations go to the first OPDs (Disdik, Dinkes): a larger demo keeps them, one OPD keeps its own.
    expect(small.data.rows(EVALUATIONS)).toEqual(two.data.rows(EVALUATIONS));
    expect(generateDemo({ opds: 1 }).data.rows(EVALUATIONS).map((e) => [e.year, e.status])).toEqual([[2025, 'published']]);
  });

  it('tells budgets and evaluations only up to the demo\'s "now"', () => {
    const early = generateDemo({ opds: 2, asOf: '2026-06-01' });
    const months2026 = new Set(early.data.rows(BUDGET_REALIZATIONS).filter((r) => r.year === 2026).map((r) => r.month));
    expect([...months2026].sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    expect(early.data.rows(BUDGET_ALLOCATIONS).filter((a) => a.revision === 'perubahan').map((a) => a.year)).not.toContain(2026);
    // Same draws: the years both demos have closed are identical (2026 aims at the murni pagu while no perubahan exists yet).
    const full = new Map(small.data.rows(BUDGET_REALIZATIONS).map((r) => [r.id, r.amount]));
    const early2025 = early.data.rows(BUDGET_REALIZATIONS).filter((r) => r.year < 2026);
    expect(early2025.length).toBeGreaterThan(0);
    expect(early2025.every((r) => full.get(r.id) === r.amount)).toBe(true);
    // Both 2025 evaluations are published by then; the 2026 draft is not started yet.
    expect(early.data.rows(EVALUATIONS).map((e) => [e.year, e.status])).toEqual([
      [2025, 'published'],
      [2025, 'published'],
    ]);
    const march = generateDemo({ opds: 2, asOf: '2026-03-10' });
    expect(march.data.rows(EVALUATIONS).map((e) => [e.status, e.score])).toEqual([
      ['draft', null],
      ['draft', null],
    ]);
    expect(march.data.rows(EVALUATION_CRITERIA).some((k) => k.answer === null)).toBe(true);
    expect(march.data.rows(EVALUATION_RECOMMENDATIONS).every((r) => r.follow_up_status === 'open')).toBe(true);
  });

  it('issues unique UUIDv7 ids', () => {
    const ids = [
      ...small.data.rows(OPDS),
      ...small.data.rows(PLAN_NODES),
      ...small.data.rows(INDICATORS),
      ...small.data.rows(ACHIEVEMENTS),
      ...small.data.rows(BUDGET_ALLOCATIONS),
      ...small.data.rows(BUDGET_REALIZATIONS),
      ...small.data.rows(EVALUATIONS),
      ...small.data.rows(EVALUATION_CRITERIA),
      ...small.data.rows(EVALUATION_RECOMMENDATIONS),
    ].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isUuidV7)).toBe(true);
  });

  it('has about 20 indicators per OPD with a realistic mix of frequency and polarity', () => {
    const world = generateDemo({ opds: 20 });
    expect(world.indicators.length).toBeGreaterThanOrEqual(380);
    expect(world.indicators.length).toBeLessThanOrEqual(440);
    const share = (pred: (i: (typeof world.indicators)[number]) => boolean) => world.indicators.filter(pred).length / world.indicators.length;
    expect(share((i) => i.frequency === 'quarterly' || i.frequency === 'monthly')).toBeGreaterThan(0.6);
    expect(share((i) => i.polarity === 'higher_better')).toBeGreaterThan(0.8);
    expect(share((i) => i.polarity === 'lower_better')).toBeGreaterThan(0.03);
    expect(share((i) => i.polarity === 'target_based')).toBeGreaterThan(0.02);
  });

  it('refuses a number of OPDs it cannot name', () => {
    expect(() => generateDemo({ opds: 0 })).toThrow(RangeError);
    expect(() => generateDemo({ opds: maxOpds() + 1 })).toThrow(RangeError);
  });

  it('apportions sums exactly', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(1, [25, 25, 25, 25])).toEqual([1, 0, 0, 0]);
    expect(allocate(520_000, [3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5]).reduce((a, b) => a + b)).toBe(520_000);
    expect(apportion(1_000n, [1, 1, 1])).toEqual([334n, 333n, 333n]);
    const sen = 4_299_999_999_99n;
    expect(apportion(sen, [3, 5, 6, 7, 8, 8, 8, 9, 9, 10, 11, 16]).reduce((a, b) => a + b)).toBe(sen);
  });

  it('writes money as exact 2-decimal text', () => {
    expect([rupiah(0n), rupiah(5n), rupiah(123_456n), rupiah(500_000_000_00n)]).toEqual(['0.00', '0.05', '1234.56', '500000000.00']);
    expect(() => rupiah(-1n)).toThrow(RangeError);
  });
});
