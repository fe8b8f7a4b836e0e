import Decimal from 'decimal.js';
import { CATEGORIES, categoryOf, round2, toApiNumber } from './category';

describe('round2', () => {
  it.each<[string, string]>([
    ['91', '91.00'],
    ['0', '0.00'],
    ['-0', '0.00'],
    ['90.995', '91.00'],
    ['90.994', '90.99'],
    ['90.9949999999', '90.99'],
    ['33.335', '33.34'], // (33.335).toFixed(2) is '33.33' in float
    ['1.005', '1.01'], // (1.005).toFixed(2) is '1.00' in float
    ['0.125', '0.13'],
    ['0.3', '0.30'],
    ['149.999', '150.00'],
    ['-0.001', '0.00'],
    ['-0.005', '-0.01'],
    ['-1.005', '-1.01'],
    ['123456789.995', '123456790.00'],
    ['1000000000000000000000.005', '1000000000000000000000.01'],
  ])('%s → %s (half-up)', (x, expected) => {
    expect(round2(new Decimal(x))).toBe(expected);
  });

  it('rounds non-terminating values from their full expansion', () => {
    expect(round2(new Decimal(100).div(3))).toBe('33.33');
    expect(round2(new Decimal(200).div(3))).toBe('66.67');
    expect(round2(new Decimal(1).div(3).times(3))).toBe('1.00');
  });

  it('settles a 50-digit chain error before rounding: 838.12499…9 (47 nines) is the exact 838.125', () => {
    const almost = new Decimal('838.12499999999999999999999999999999999999999999999');
    expect(almost.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)).toBe('838.12');
    expect(round2(almost)).toBe('838.13');
  });

  it('keeps values that are genuinely below the half', () => {
    expect(round2(new Decimal('838.1249999999999999999999999999999'))).toBe('838.12');
  });

  it('refuses NaN and Infinity', () => {
    expect(() => round2(new Decimal(NaN))).toThrow(RangeError);
    expect(() => round2(new Decimal(Infinity))).toThrow(RangeError);
  });
});

describe('toApiNumber', () => {
  it.each<[string | null, number | null, string]>([
    [null, null, 'null'],
    ['90.995', 91, '91'],
    ['90.994', 90.99, '90.99'],
    ['33.335', 33.34, '33.34'],
    ['0.30000000000000000001', 0.3, '0.3'],
    ['98.333333333333333333333333333333333333333333333333', 98.33, '98.33'],
    ['150', 150, '150'],
    ['-0.001', 0, '0'],
  ])('%s → %s (JSON %s)', (x, expected, json) => {
    const value = toApiNumber(x === null ? null : new Decimal(x));
    expect(value).toBe(expected);
    expect(JSON.stringify(value)).toBe(json);
  });

  it('0.1 + 0.2 in decimal is 0.3 in JSON', () => {
    expect(JSON.stringify({ capaian: toApiNumber(new Decimal('0.1').plus('0.2')) })).toBe('{"capaian":0.3}');
  });
});

describe('categoryOf (Permendagri 86/2017, on the rounded value)', () => {
  it('lists the categories best first', () => {
    expect(CATEGORIES).toEqual(['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah']);
  });

  it.each<[string, string]>([
    ['150', 'Sangat Tinggi'],
    ['100', 'Sangat Tinggi'],
    ['91', 'Sangat Tinggi'],
    ['91.00', 'Sangat Tinggi'],
    ['90.995', 'Sangat Tinggi'], // rounds to 91.00
    ['90.994', 'Tinggi'],
    ['90.99', 'Tinggi'],
    ['76', 'Tinggi'],
    ['75.995', 'Tinggi'],
    ['75.994', 'Sedang'],
    ['75.99', 'Sedang'],
    ['66', 'Sedang'],
    ['65.995', 'Sedang'],
    ['65.994', 'Rendah'],
    ['65.99', 'Rendah'],
    ['51', 'Rendah'],
    ['50.995', 'Rendah'],
    ['50.994', 'Sangat Rendah'],
    ['50.99', 'Sangat Rendah'],
    ['0', 'Sangat Rendah'],
    ['-10', 'Sangat Rendah'],
    ['100000', 'Sangat Tinggi'],
  ])('%s → %s', (x, expected) => {
    expect(categoryOf(new Decimal(x))).toBe(expected);
  });

  it.each<[string, string]>([
    ['91', 'Sangat Tinggi'],
    ['76', 'Tinggi'],
    ['66', 'Sedang'],
    ['51', 'Rendah'],
  ])('non-terminating values near %s: within half a cent below count as %s, further below do not', (bound, expected) => {
    const withinHalfCent = new Decimal(bound).minus(new Decimal(1).div(300)); // bound − 0.00333…
    expect(round2(withinHalfCent)).toBe(`${bound}.00`);
    expect(categoryOf(withinHalfCent)).toBe(expected);
    const beyondHalfCent = new Decimal(bound).minus(new Decimal(1).div(150)); // bound − 0.00666…
    expect(round2(beyondHalfCent)).toBe(`${Number(bound) - 1}.99`);
    expect(categoryOf(beyondHalfCent)).not.toBe(expected);
  });

  it('not scored → null', () => {
    expect(categoryOf(null)).toBeNull();
  });
});
