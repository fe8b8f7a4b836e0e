import Decimal from 'decimal.js';
import { capaianOf } from './capaian';
import { round2 } from './category';
import { mean, pemdaDashboardIndex, rollUpOpd, weightedMean } from './rollup';

const d = (x: string | null): Decimal | null => (x === null ? null : new Decimal(x));
const shown = (r: { value: Decimal | null; scored: number; total: number }) => ({
  value: r.value === null ? null : r.value.toFixed(),
  scored: r.scored,
  total: r.total,
});

describe('weightedMean', () => {
  it.each<[string, [string | null, string][], { value: string | null; scored: number; total: number }]>([
    ['equal weights', [['90', '1'], ['80', '1']], { value: '85', scored: 2, total: 2 }],
    ['unequal weights', [['90', '1'], ['80', '3']], { value: '82.5', scored: 2, total: 2 }],
    ['decimal weights', [['90', '0.5'], ['60', '1.5']], { value: '67.5', scored: 2, total: 2 }],
    ['one item', [['77.777', '4']], { value: '77.777', scored: 1, total: 1 }],
    [
      'a null is skipped with its weight (weights renormalised among the scored)',
      [['90', '1'], [null, '5'], ['80', '1']],
      { value: '85', scored: 2, total: 3 },
    ],
    [
      'nulls and unequal weights',
      [[null, '1'], ['100', '2'], ['70', '1'], [null, '10']],
      { value: '90', scored: 2, total: 4 },
    ],
    ['all null → not scored', [[null, '1'], [null, '2']], { value: null, scored: 0, total: 2 }],
    ['empty → not scored', [], { value: null, scored: 0, total: 0 }],
    ['zero is scored, not skipped', [['0', '1'], ['100', '1']], { value: '50', scored: 2, total: 2 }],
    ['a zero weight does not count', [['10', '0'], ['80', '2']], { value: '80', scored: 2, total: 2 }],
    ['every scored weight zero → null', [['10', '0'], ['80', '0'], [null, '3']], { value: null, scored: 2, total: 3 }],
    ['0.1 and 0.2 average to exactly 0.15', [['0.1', '1'], ['0.2', '1']], { value: '0.15', scored: 2, total: 2 }],
    [
      'thirds stay unrounded',
      [['100', '1'], ['100', '1'], ['0', '1']],
      { value: '66.666666666666666666666666666666666666666666666667', scored: 3, total: 3 },
    ],
  ])('%s', (_name, items, expected) => {
    const result = weightedMean(items.map(([value, weight]) => ({ value: d(value), weight })));
    expect(shown(result)).toEqual(expected);
  });

  it('averages unrounded capaians, not rounded ones', () => {
    // 33.334, 33.334, 33.337 average to 33.335 → 33.34; rounded first (33.33, 33.33, 33.34) → 33.33.
    const values = ['33.334', '33.334', '33.337'].map((x) => ({ value: new Decimal(x), weight: '1' }));
    expect(round2(weightedMean(values).value!)).toBe('33.34');
    const roundedFirst = ['33.33', '33.33', '33.34'].map((x) => new Decimal(x));
    expect(round2(roundedFirst.reduce((a, b) => a.plus(b)).div(3))).toBe('33.33');
  });

  it('averages non-terminating capaians without drift', () => {
    const values = [capaianOf('1', '3', 'higher_better', null), capaianOf('2', '3', 'higher_better', null)];
    expect(mean(values).value!.toFixed()).toBe('50');
  });

  it.each<[unknown]>([['-1'], ['x'], [null], ['1e2']])('refuses the weight %j', (weight) => {
    expect(() => weightedMean([{ value: new Decimal(1), weight: weight as string }])).toThrow(RangeError);
  });

  it('checks the weight of an unscored item too', () => {
    expect(() => weightedMean([{ value: null, weight: '-1' }])).toThrow(/weight must not be negative/);
  });
});

describe('mean / rollUpOpd / pemdaDashboardIndex', () => {
  it.each<[string, (string | null)[], { value: string | null; scored: number; total: number }]>([
    ['plain mean', ['90', '80', '70'], { value: '80', scored: 3, total: 3 }],
    ['nulls skipped and counted', ['90', null, '80'], { value: '85', scored: 2, total: 3 }],
    ['all null', [null, null], { value: null, scored: 0, total: 2 }],
    ['empty', [], { value: null, scored: 0, total: 0 }],
    ['unrounded', ['90.995', '91'], { value: '90.9975', scored: 2, total: 2 }],
  ])('%s', (_name, values, expected) => {
    const decimals = values.map(d);
    expect(shown(mean(decimals))).toEqual(expected);
    expect(shown(rollUpOpd(decimals))).toEqual(expected);
    expect(shown(pemdaDashboardIndex(decimals))).toEqual(expected);
  });

  it('an OPD is the plain mean of its sasaran, whatever their indicator weights were', () => {
    const sasaran1 = weightedMean([
      { value: new Decimal(100), weight: '3' },
      { value: new Decimal(60), weight: '1' },
    ]).value;
    const sasaran2 = weightedMean([{ value: new Decimal(70), weight: '1' }]).value;
    expect(shown(rollUpOpd([sasaran1, sasaran2, null]))).toEqual({ value: '80', scored: 2, total: 3 });
  });
});
