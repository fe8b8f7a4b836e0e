import Decimal from 'decimal.js';
import { toApiNumber } from '../capaian/category';
import { growthPercent } from './growth';

const d = (x: string | null) => (x === null ? null : new Decimal(x));

describe('growthPercent', () => {
  it.each<[string, string | null, string | null, string | null]>([
    ['up 10 %', '110', '100', '10'],
    ['down 10 %', '90', '100', '-10'],
    ['unchanged', '100', '100', '0'],
    ['doubling', '200', '100', '100'],
    ['a third, unrounded', '4', '3', '33.333333333333333333333333333333333333333333333333'],
    ['a negative previous value: less negative is growth', '-5', '-10', '50'],
    ['previous 0 → not computable', '10', '0', null],
    ['current not scored → null (never read as 0)', null, '100', null],
    ['previous not scored → null', '100', null, null],
  ])('%s', (_name, current, previous, expected) => {
    const g = growthPercent(d(current), d(previous));
    expect(g === null ? null : g.toFixed()).toBe(expected);
  });

  it('is rounded half-up only at the edge', () => {
    // (100.005 − 100) / 100 × 100 = 0.005 → 0.01
    expect(toApiNumber(growthPercent(d('100.005'), d('100')))).toBe(0.01);
  });
});
