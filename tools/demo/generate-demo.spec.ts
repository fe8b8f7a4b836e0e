import { isUuidV7 } from '@sakip/persistence';
import { maxOpds } from './catalog/opd-catalog';
import { ACHIEVEMENTS, INDICATORS, OPDS, PLAN_NODES } from './core-tables';
import { generateDemo } from './generate-demo';
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
  });

  it('issues unique UUIDv7 ids', () => {
    const ids = [...small.data.rows(OPDS), ...small.data.rows(PLAN_NODES), ...small.data.rows(INDICATORS), ...small.data.rows(ACHIEVEMENTS)].map((r) => r.id);
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
  });
});
