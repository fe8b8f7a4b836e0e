import Decimal from 'decimal.js';
import { AT_RISK_BELOW, isAtRisk, linearProjection } from './projection';

const points = (...pairs: [number, string][]) => pairs.map(([x, y]) => ({ x, y: new Decimal(y) }));

describe('linearProjection', () => {
  it.each<[string, { x: number; y: Decimal }[], number, string | null]>([
    ['no points → null', [], 12, null],
    ['one point → its value, carried flat', points([3, '42.5']), 12, '42.5'],
    ['every point on the same x → mean of y', points([3, '40'], [3, '50']), 12, '45'],
    ['a perfect line is extended', points([1, '10'], [2, '20'], [3, '30']), 12, '120'],
    ['a flat series stays flat', points([1, '90'], [2, '90'], [3, '90'], [4, '90']), 12, '90'],
    ['a falling line', points([1, '100'], [2, '98'], [3, '96']), 12, '78'],
    ['reading inside the data', points([1, '10'], [3, '30']), 2, '20'],
    ['least squares through noise', points([1, '1'], [2, '2'], [3, '2']), 4, '2.6666666666666666666666666666666666666666666666667'],
    ['unordered points', points([3, '30'], [1, '10'], [2, '20']), 6, '60'],
    ['decimal values stay exact', points([1, '0.1'], [2, '0.2']), 12, '1.2'],
    ['lands exactly on a half cent', points([1, '90.985'], [2, '90.987'], [3, '90.989']), 6, '90.995'],
    ['fractional x', points([0.5, '1'], [1.5, '3']), 2.5, '5'],
  ])('%s', (_name, pts, atX, expected) => {
    const result = linearProjection(pts, atX);
    expect(result === null ? null : result.toFixed()).toBe(expected);
  });

  it.each<[string, { x: number; y: Decimal }[], number]>([
    ['non-finite atX', points([1, '1']), Infinity],
    ['NaN x', [{ x: NaN, y: new Decimal(1) }], 12],
    ['NaN y', [{ x: 1, y: new Decimal(NaN) }], 12],
    ['y not a Decimal', [{ x: 1, y: '5' as unknown as Decimal }], 12],
  ])('%s → RangeError', (_name, pts, atX) => {
    expect(() => linearProjection(pts, atX)).toThrow(RangeError);
  });
});

describe('isAtRisk (projected capaian below 85)', () => {
  it('uses 85', () => expect(AT_RISK_BELOW).toBe(85));

  it.each<[string | null, boolean]>([
    [null, false],
    ['-1', true],
    ['0', true],
    ['84.99', true],
    ['84.994', true],
    ['84.995', false], // shown as 85.00
    ['85', false],
    ['85.01', false],
    ['150', false],
  ])('%s → %s', (x, expected) => {
    expect(isAtRisk(x === null ? null : new Decimal(x))).toBe(expected);
  });

  it('flags a projection from a declining trend', () => {
    const projected = linearProjection(points([1, '95'], [2, '93'], [3, '91']), 12);
    expect(projected!.toFixed()).toBe('73');
    expect(isAtRisk(projected)).toBe(true);
  });
});
