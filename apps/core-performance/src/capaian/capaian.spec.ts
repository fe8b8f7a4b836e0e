import Decimal from 'decimal.js';
import { Aggregation, Frequency, Period, Polarity } from '../periods/period-calendar';
import { aggregateValues, capaianOf, CumulativeInput, cumulativeCapaian } from './capaian';
import { categoryOf, round2 } from './category';
import { mean, weightedMean } from './rollup';

/** Exact rational arithmetic (BigInt), the oracle the Decimal results are checked against. */
interface Fraction {
  n: bigint;
  d: bigint;
}
const abs = (a: bigint): bigint => (a < 0n ? -a : a);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? abs(a) : gcd(b, a % b));
function frac(n: bigint, d = 1n): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const fromText = (s: string): Fraction => {
  const [int, fraction = ''] = s.replace('-', '').split('.');
  return frac((s.startsWith('-') ? -1n : 1n) * BigInt(int + fraction), 10n ** BigInt(fraction.length));
};
const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Fraction, b: Fraction) => frac(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const cmp = (a: Fraction, b: Fraction) => Math.sign(Number(a.n * b.d - b.n * a.d));
const ZERO = frac(0n);
const HUNDRED = frac(100n);
/** Half away from zero to 2 decimals, as text. */
function exactRound2(x: Fraction): string {
  const cents = (2n * abs(x.n) * 100n + x.d) / (2n * x.d);
  const sign = x.n < 0n && cents !== 0n ? '-' : '';
  return `${sign}${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}
function exactCapaian(R: Fraction, T: Fraction, polarity: Polarity, cap: Fraction | null): Fraction {
  let value: Fraction;
  if (T.n === 0n) {
    value = R.n === 0n ? HUNDRED : polarity === 'higher_better' ? (cap ?? HUNDRED) : ZERO;
  } else if (polarity === 'higher_better') {
    value = div(mul(R, HUNDRED), T);
  } else if (polarity === 'lower_better') {
    value = div(mul(sub(add(T, T), R), HUNDRED), T);
  } else {
    const off = div(mul(sub(R, T), HUNDRED), T);
    value = sub(HUNDRED, off.n < 0n ? frac(-off.n, off.d) : off);
  }
  if (cmp(value, ZERO) < 0 && polarity !== 'higher_better') value = ZERO;
  return cap && cmp(value, cap) > 0 ? cap : value;
}
function categoryOfText(rounded: string): string {
  const x = fromText(rounded);
  if (cmp(x, frac(91n)) >= 0) return 'Sangat Tinggi';
  if (cmp(x, frac(76n)) >= 0) return 'Tinggi';
  if (cmp(x, frac(66n)) >= 0) return 'Sedang';
  if (cmp(x, frac(51n)) >= 0) return 'Rendah';
  return 'Sangat Rendah';
}

/** Deterministic PRNG (mulberry32) so a failing property case is reproducible. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function randomDecimal(next: () => number, maxInt: number, maxDecimals: number): string {
  const int = Math.floor(next() * (maxInt + 1));
  const decimals = Math.floor(next() * (maxDecimals + 1));
  const fraction = Array.from({ length: decimals }, () => Math.floor(next() * 10)).join('');
  return decimals ? `${int}.${fraction}` : String(int);
}

const text = (x: Decimal | null): string | null => (x === null ? null : x.toFixed());

describe('capaianOf', () => {
  describe.each<[Polarity, string, string, string | null, string]>([
    // polarity, R, T, cap, exact capaian
    ['higher_better', '90', '100', '150', '90'],
    ['higher_better', '100', '100', '150', '100'],
    ['higher_better', '120', '100', '150', '120'],
    ['higher_better', '150', '100', '150', '150'],
    ['higher_better', '200', '100', '150', '150'],
    ['higher_better', '200', '100', null, '200'],
    ['higher_better', '200', '100', '100', '100'],
    ['higher_better', '0', '100', '150', '0'],
    ['higher_better', '-10', '100', '150', '-10'],
    ['higher_better', '0', '0', '150', '100'],
    ['higher_better', '0', '0', null, '100'],
    ['higher_better', '5', '0', '150', '150'],
    ['higher_better', '5', '0', '120.5', '120.5'],
    ['higher_better', '5', '0', null, '100'],
    ['higher_better', '-5', '0', '150', '150'],
    ['higher_better', '0.3', '0.3', '150', '100'],
    ['higher_better', '90.995', '100', '150', '90.995'],
    ['higher_better', '1', '8', '150', '12.5'],
    ['higher_better', '45.5', '50', '150', '91'],
    ['lower_better', '80', '100', '150', '120'],
    ['lower_better', '100', '100', '150', '100'],
    ['lower_better', '150', '100', '150', '50'],
    ['lower_better', '200', '100', '150', '0'],
    ['lower_better', '250', '100', '150', '0'],
    ['lower_better', '250', '100', null, '0'],
    ['lower_better', '0', '100', '150', '150'],
    ['lower_better', '0', '100', null, '200'],
    ['lower_better', '-50', '100', null, '250'],
    ['lower_better', '0', '0', '150', '100'],
    ['lower_better', '0', '0', null, '100'],
    ['lower_better', '5', '0', '150', '0'],
    ['lower_better', '5', '0', null, '0'],
    ['lower_better', '10.9', '10', '150', '91'],
    ['lower_better', '2.4', '2', '150', '80'],
    ['target_based', '100', '100', '150', '100'],
    ['target_based', '90', '100', '150', '90'],
    ['target_based', '110', '100', '150', '90'],
    ['target_based', '150', '100', '150', '50'],
    ['target_based', '200', '100', '150', '0'],
    ['target_based', '250', '100', '150', '0'],
    ['target_based', '250', '100', null, '0'],
    ['target_based', '0', '100', '150', '0'],
    ['target_based', '0', '0', '150', '100'],
    ['target_based', '0', '0', null, '100'],
    ['target_based', '5', '0', '150', '0'],
    ['target_based', '100', '100', '50', '50'],
    ['target_based', '0.09', '0.1', '150', '90'],
    ['target_based', '0.1', '0.09', '150', '88.888888888888888888888888888888888888888888888889'],
  ])('%s R=%s T=%s cap=%s', (polarity, R, T, cap, expected) => {
    it(`= ${expected}`, () => {
      expect(text(capaianOf(R, T, polarity, cap))).toBe(expected);
    });
    it('matches the exact rational value', () => {
      const exact = exactCapaian(fromText(R), fromText(T), polarity, cap === null ? null : fromText(cap));
      expect(round2(capaianOf(R, T, polarity, cap)!)).toBe(exactRound2(exact));
    });
    it('accepts Decimal arguments (any Decimal constructor)', () => {
      const asDecimal = capaianOf(new Decimal(R), new Decimal(T), polarity, cap === null ? null : new Decimal(cap));
      expect(text(asDecimal)).toBe(expected);
    });
  });

  it.each<[string, string, string]>([
    // Non-terminating results keep 50 significant digits; rounding happens only at output.
    ['1', '3', '33.333333333333333333333333333333333333333333333333'],
    ['2', '3', '66.666666666666666666666666666666666666666666666667'],
    ['0.1', '0.3', '33.333333333333333333333333333333333333333333333333'],
    ['100', '7', '1428.5714285714285714285714285714285714285714285714'],
  ])('higher_better %s/%s keeps full precision: %s', (R, T, expected) => {
    expect(text(capaianOf(R, T, 'higher_better', null))).toBe(expected);
  });

  it.each<Polarity>(['higher_better', 'lower_better', 'target_based'])(
    '%s: no realization is not scored (null, never 0)',
    (polarity) => {
      expect(capaianOf(null, '100', polarity, '150')).toBeNull();
      expect(capaianOf(null, '0', polarity, null)).toBeNull();
      expect(capaianOf(undefined as unknown as null, '10', polarity, null)).toBeNull();
    },
  );

  it.each<[Polarity, string | null]>([
    ['higher_better', '150'],
    ['lower_better', '150'],
    ['target_based', '150'],
    ['higher_better', null],
    ['lower_better', null],
    ['target_based', null],
  ])('%s cap=%s: a negative target is refused (RangeError → 400)', (polarity, cap) => {
    expect(() => capaianOf('10', '-1', polarity, cap)).toThrow(RangeError);
    expect(() => capaianOf('10', '-0.0001', polarity, cap)).toThrow('target must not be negative, got -0.0001');
    expect(() => capaianOf(null, '-1', polarity, cap)).toThrow(RangeError);
  });

  it.each<[unknown, unknown, unknown, unknown, RegExp]>([
    ['abc', '100', 'higher_better', '150', /realization must be a decimal number/],
    ['1e2', '100', 'higher_better', '150', /realization must be a decimal number/],
    ['10', 'NaN', 'higher_better', '150', /target must be a decimal number/],
    ['10', new Decimal(Infinity), 'higher_better', '150', /target must be a decimal number/],
    ['10', '100', 'higher_better', '-1', /cap must not be negative/],
    ['10', '100', 'higher_better', 'x', /cap must be a decimal number/],
    ['10', '100', 'best', '150', /unknown polarity "best"/],
  ])('R=%j T=%j %j cap=%j → RangeError', (R, T, polarity, cap, message) => {
    const call = () => capaianOf(R as string, T as string, polarity as Polarity, cap as string);
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('-0 is zero, not negative', () => {
    expect(text(capaianOf('-0', '0', 'higher_better', '150'))).toBe('100');
    expect(text(capaianOf('5', '-0', 'higher_better', '150'))).toBe('150');
  });
});

describe('aggregateValues', () => {
  const d = (...xs: string[]) => xs.map((x) => new Decimal(x));
  it.each<[Aggregation, string[], string | null]>([
    ['sum', [], null],
    ['average', [], null],
    ['last', [], null],
    ['sum', ['0.1', '0.2'], '0.3'],
    ['sum', ['1', '2', '3.5'], '6.5'],
    ['average', ['1', '2', '3.5'], '2.1666666666666666666666666666666666666666666666667'],
    ['average', ['90', '91'], '90.5'],
    ['average', ['0.1', '0.2'], '0.15'],
    ['last', ['1', '2', '3.5'], '3.5'],
    ['last', ['7'], '7'],
    ['sum', ['-1', '1'], '0'],
  ])('%s of %j = %s', (agg, values, expected) => {
    expect(text(aggregateValues(d(...values), agg))).toBe(expected);
  });

  it('refuses an unknown aggregation', () => {
    expect(() => aggregateValues(d('1'), 'median' as Aggregation)).toThrow(RangeError);
  });
});

describe('cumulativeCapaian (s.d.)', () => {
  const base = { polarity: 'higher_better' as Polarity, cap: '150' };
  const monthlyTargets = { Y: '1200', Q1: '300', Q2: '300', Q3: '300', Q4: '300', M01: '100', M02: '100', M03: '100', M04: '100' };
  const fullMonthlyTargets = { ...monthlyTargets, M05: '100', M06: '100', M07: '100', M08: '100', M09: '100', M10: '100', M11: '100', M12: '100' };
  const q = (q1: string, q2: string, q3: string, q4: string) => ({ Q1: q1, Q2: q2, Q3: q3, Q4: q4 });
  type Case = Omit<CumulativeInput, 'polarity' | 'cap'> & Partial<CumulativeInput>;
  // [target, realization, capaian, through]
  type Expected = [string | null, string | null, string | null, Period | null];

  it.each<[string, Case, Expected]>([
    // Every period 1..p entered: the plain s.d. definition.
    [
      'monthly sum through M03',
      { frequency: 'monthly', aggregation: 'sum', period: 'M03', targets: monthlyTargets, realizations: { M01: '90', M02: '95', M03: '110' } },
      ['300', '295', '98.333333333333333333333333333333333333333333333333', 'M03'],
    ],
    [
      'monthly sum through M03 ignores later months',
      { frequency: 'monthly', aggregation: 'sum', period: 'M03', targets: monthlyTargets, realizations: { M01: '100', M02: '100', M03: '100', M04: '500' } },
      ['300', '300', '100', 'M03'],
    ],
    [
      'monthly sum through M01',
      { frequency: 'monthly', aggregation: 'sum', period: 'M01', targets: monthlyTargets, realizations: { M01: '0.1', M02: '0.2' } },
      ['100', '0.1', '0.1', 'M01'],
    ],
    [
      'quarterly average through Q2',
      { frequency: 'quarterly', aggregation: 'average', period: 'Q2', targets: q('80', '90', '0', '0'), realizations: { Q1: '76', Q2: '86', Q3: '100' } },
      ['85', '81', '95.294117647058823529411764705882352941176470588235', 'Q2'],
    ],
    [
      'quarterly average, exactly 90.995 through thirds (one division, no 90.99499…)',
      { frequency: 'quarterly', aggregation: 'average', period: 'Q3', targets: q('33', '33', '34', '0'), realizations: { Q1: '30', Q2: '30', Q3: '30.995' } },
      ['33.333333333333333333333333333333333333333333333333', '30.331666666666666666666666666666666666666666666667', '90.995', 'Q3'],
    ],
    [
      'quarterly last through Q3: the Q3 level against the Q3 target',
      { frequency: 'quarterly', aggregation: 'last', period: 'Q3', targets: q('10', '20', '30', '40'), realizations: { Q1: '12', Q2: '19', Q3: '27' } },
      ['30', '27', '90', 'Q3'],
    ],
    [
      'semester last through S1: S1 target is Q2',
      { frequency: 'semester', aggregation: 'last', period: 'S1', targets: q('40', '50', '60', '70'), realizations: { S1: '45' } },
      ['50', '45', '90', 'S1'],
    ],
    [
      'semester sum through S2: S targets are sums of their quarters',
      { frequency: 'semester', aggregation: 'sum', period: 'S2', targets: q('25', '25', '25', '25'), realizations: { S1: '40', S2: '55' } },
      ['100', '95', '95', 'S2'],
    ],

    // A gap in the middle: realizations AND targets over the matched (entered) periods only.
    [
      'gap, sum: M02 missing s.d. M03 compares M01+M03 with their targets (not 200 of 300)',
      { frequency: 'monthly', aggregation: 'sum', period: 'M03', targets: monthlyTargets, realizations: { M01: '90', M02: null, M03: '110' } },
      ['200', '200', '100', 'M03'],
    ],
    [
      'gap, average: mean(9, 9.2) against mean(10, 10.1) of Q1 and Q3, not the mean of all three targets',
      { frequency: 'quarterly', aggregation: 'average', period: 'Q3', targets: q('10', '10', '10.1', '10'), realizations: { Q1: '9', Q3: '9.2' } },
      // 18.2 / 20.1 · 100
      ['10.05', '9.1', '90.54726368159203980099502487562189054726368159204', 'Q3'],
    ],
    [
      'gap, last: Q2 missing does not matter, the Q3 level against the Q3 target',
      { frequency: 'quarterly', aggregation: 'last', period: 'Q3', targets: q('10', '20', '30', '40'), realizations: { Q1: '12', Q3: '27' } },
      ['30', '27', '90', 'Q3'],
    ],
    [
      'gap, semester sum with S1 missing: S2 against its own quarters',
      { frequency: 'semester', aggregation: 'sum', period: 'S2', targets: q('10', '20', '30', '40'), realizations: { S2: '63' } },
      ['70', '63', '90', 'S2'],
    ],

    // p itself not entered: not scored, the target shown is that of all periods 1..p.
    [
      'p missing, sum: nothing for M05 → not scored (no more 400 of 500)',
      { frequency: 'monthly', aggregation: 'sum', period: 'M05', targets: fullMonthlyTargets, realizations: { M01: '100', M02: '100', M03: '100', M04: '100' } },
      ['500', null, null, null],
    ],
    [
      'p missing, average: Q2 not entered → not scored (no more mean of one against mean of two)',
      { frequency: 'quarterly', aggregation: 'average', period: 'Q2', targets: q('80', '90', '0', '0'), realizations: { Q1: '76' } },
      ['85', null, null, null],
    ],
    [
      'p missing, last: Q3 not entered → not scored (no more the Q2 level against the Q3 target)',
      { frequency: 'quarterly', aggregation: 'last', period: 'Q3', targets: q('10', '20', '30', '40'), realizations: { Q1: '12', Q2: '24' } },
      ['30', null, null, null],
    ],
    [
      'p missing, semester last: S2 not entered → not scored (no more the S1 level against the S2 target)',
      { frequency: 'semester', aggregation: 'last', period: 'S2', targets: q('40', '50', '60', '70'), realizations: { S1: '45' } },
      ['70', null, null, null],
    ],
    [
      'nothing entered in 1..p: not scored',
      { frequency: 'monthly', aggregation: 'sum', period: 'M03', targets: monthlyTargets, realizations: { M04: '100' } },
      ['300', null, null, null],
    ],
    [
      'p missing and a target of 1..p missing: nothing at all',
      { frequency: 'monthly', aggregation: 'sum', period: 'M05', targets: monthlyTargets, realizations: { M01: '100' } },
      [null, null, null, null],
    ],

    // Y = the year so far: s.d. the latest entered period, matched as above.
    [
      'Y so far, sum: only Q1 entered is Q1 against Q1 (not 25 % of the year)',
      { frequency: 'quarterly', aggregation: 'sum', period: 'Y', targets: { Y: '100', ...q('25', '25', '25', '25') }, realizations: { Q1: '25' } },
      ['25', '25', '100', 'Q1'],
    ],
    [
      'Y so far, sum with a gap: M01 + M03 against their targets, through M03',
      { frequency: 'monthly', aggregation: 'sum', period: 'Y', targets: fullMonthlyTargets, realizations: { M01: '90', M03: '110' } },
      ['200', '200', '100', 'M03'],
    ],
    [
      'Y so far, average with a gap: mean(76, 95) against mean(80, 100)',
      { frequency: 'quarterly', aggregation: 'average', period: 'Y', targets: { Y: '95', ...q('80', '90', '100', '110') }, realizations: { Q1: '76', Q3: '95' } },
      ['90', '85.5', '95', 'Q3'],
    ],
    [
      'Y so far, last: the Q2 level against the Q2 target',
      { frequency: 'quarterly', aggregation: 'last', period: 'Y', polarity: 'lower_better', targets: { Y: '40', ...q('10', '20', '30', '40') }, realizations: { Q1: '12', Q2: '21' } },
      ['20', '21', '95', 'Q2'],
    ],
    [
      'Y so far needs only the matched targets',
      { frequency: 'monthly', aggregation: 'sum', period: 'Y', targets: monthlyTargets, realizations: { M01: '100' } },
      ['100', '100', '100', 'M01'],
    ],
    [
      'Y with nothing entered: not scored, the whole year as target',
      { frequency: 'quarterly', aggregation: 'sum', period: 'Y', targets: { Y: '100', ...q('25', '25', '25', '25') }, realizations: {} },
      ['100', null, null, null],
    ],
    [
      'no realizations at all (annual): not scored',
      { frequency: 'annual', aggregation: 'last', period: 'Y', targets: { Y: '5' }, realizations: {} },
      ['5', null, null, null],
    ],
    [
      'semester average for the year, all entered',
      { frequency: 'semester', aggregation: 'average', period: 'Y', targets: q('70', '80', '80', '90'), realizations: { S1: '72', S2: '84' } },
      ['80', '78', '97.5', 'S2'],
    ],
    [
      'annual Y',
      { frequency: 'annual', aggregation: 'sum', period: 'Y', targets: { Y: '100', ...q('25', '25', '25', '25') }, realizations: { Y: '91' } },
      ['100', '91', '91', 'Y'],
    ],
    [
      'annual Y, lower_better',
      { frequency: 'annual', aggregation: 'last', period: 'Y', polarity: 'lower_better', targets: { Y: '12.5' }, realizations: { Y: '13' } },
      ['12.5', '13', '96', 'Y'],
    ],
    [
      'quarterly Y with all four quarters entered is the full year',
      { frequency: 'quarterly', aggregation: 'sum', period: 'Y', targets: { Y: '100', ...q('25', '25', '25', '25') }, realizations: q('30', '30', '30', '30') },
      ['100', '120', '120', 'Q4'],
    ],

    // The cap, T = 0, missing targets.
    [
      'the cap bounds the cumulative value',
      { frequency: 'quarterly', aggregation: 'sum', period: 'Q1', targets: { Q1: '10' }, realizations: { Q1: '100' } },
      ['10', '100', '150', 'Q1'],
    ],
    [
      'no cap',
      { frequency: 'quarterly', aggregation: 'sum', period: 'Q1', cap: null, targets: { Q1: '10' }, realizations: { Q1: '100' } },
      ['10', '100', '1000', 'Q1'],
    ],
    [
      'zero target, zero realization',
      { frequency: 'quarterly', aggregation: 'sum', period: 'Q2', targets: { Q1: '0', Q2: '0' }, realizations: { Q1: '0', Q2: '0' } },
      ['0', '0', '100', 'Q2'],
    ],
    [
      'a matched target missing: no target, not scored, the realization still shown',
      { frequency: 'monthly', aggregation: 'sum', period: 'M05', targets: monthlyTargets, realizations: { M01: '100', M05: '100' } },
      [null, '200', null, 'M05'],
    ],
    [
      'semester target needs both of its quarters',
      { frequency: 'semester', aggregation: 'sum', period: 'S1', targets: { Q1: '25' }, realizations: { S1: '10' } },
      [null, '10', null, 'S1'],
    ],
  ])('%s', (_name, input, [target, realization, capaian, through]) => {
    const result = cumulativeCapaian({ ...base, ...input });
    expect([text(result.target), text(result.realization), text(result.capaian), result.through]).toEqual([target, realization, capaian, through]);
  });

  describe.each<[Frequency, Aggregation, Record<string, string>, Record<string, string>]>([
    // frequency, aggregation, targets (annual consistent with the split), realizations of every period
    ['quarterly', 'sum', { Y: '100', ...q('20', '30', '25', '25') }, q('18', '33', '20', '26')],
    ['quarterly', 'average', { Y: '85', ...q('80', '85', '85', '90') }, q('76', '86', '88', '93.5')],
    ['quarterly', 'last', { Y: '40', ...q('10', '20', '30', '40') }, q('12', '19', '27', '37')],
    ['semester', 'sum', { Y: '100', ...q('20', '30', '25', '25') }, { S1: '45', S2: '52' }],
    ['semester', 'average', { Y: '80', ...q('70', '80', '80', '90') }, { S1: '72', S2: '84' }],
    ['semester', 'last', { Y: '40', ...q('10', '20', '30', '40') }, { S1: '19', S2: '43' }],
    ['monthly', 'sum', fullMonthlyTargets, Object.fromEntries(Object.keys(fullMonthlyTargets).filter((k) => k.startsWith('M')).map((m, i) => [m, String(90 + i)]))],
    ['annual', 'sum', { Y: '100' }, { Y: '91' }],
  ])('all entered: %s %s for Y is the full year of DOMAIN.md', (frequency, aggregation, targets, realizations) => {
    it.each<Polarity>(['higher_better', 'lower_better', 'target_based'])('%s', (polarity) => {
      const result = cumulativeCapaian({ frequency, aggregation, polarity, cap: null, period: 'Y', targets, realizations });
      // The year: every period's realization aggregated against the annual target.
      const R = aggregateValues(Object.values(realizations).map((r) => new Decimal(r)), aggregation)!;
      expect(text(result.target)).toBe(new Decimal(targets.Y).toFixed());
      expect(text(result.realization)).toBe(R.toFixed());
      expect(text(result.capaian)).toBe(text(capaianOf(R, targets.Y, polarity, null)));
      expect(result.through).toBe(Object.keys(realizations).pop());
    });
  });

  it('takes targets as a Map of Decimals too', () => {
    const targets = new Map<Period, Decimal>([
      ['Q1', new Decimal('40')],
      ['Q2', new Decimal('50')],
    ]);
    const result = cumulativeCapaian({
      ...base,
      frequency: 'semester',
      aggregation: 'average',
      period: 'S1',
      targets,
      realizations: { S1: '45' },
    });
    expect(text(result.capaian)).toBe('100');
  });

  it('a stored S target wins over the derived one', () => {
    const result = cumulativeCapaian({
      ...base,
      frequency: 'semester',
      aggregation: 'sum',
      period: 'S1',
      targets: { S1: '200', Q1: '1', Q2: '1' },
      realizations: { S1: '100' },
    });
    expect(text(result.capaian)).toBe('50');
  });

  it.each<[string, Partial<CumulativeInput>, RegExp]>([
    ['a period of another frequency', { frequency: 'quarterly', period: 'M03' }, /not a quarterly period/],
    ['a negative target', { targets: { Q1: '-1' } }, /target must not be negative/],
    ['a malformed realization', { realizations: { Q1: '1,5' } }, /realization must be a decimal number/],
    ['a malformed earlier realization when p is not entered', { period: 'Q2', realizations: { Q1: '1,5' } }, /realization must be a decimal number/],
    ['a malformed target', { targets: { Q1: 'ten' } }, /target Q1 must be a decimal number/],
    ['an unknown aggregation', { aggregation: 'median' as Aggregation }, /unknown aggregation/],
    ['an unknown frequency', { frequency: 'weekly' as Frequency }, /unknown frequency/],
  ])('%s → RangeError', (_name, override, message) => {
    const input: CumulativeInput = {
      ...base,
      frequency: 'quarterly',
      aggregation: 'sum',
      period: 'Q1',
      targets: { Q1: '10' },
      realizations: { Q1: '5' },
      ...override,
    };
    expect(() => cumulativeCapaian(input)).toThrow(RangeError);
    expect(() => cumulativeCapaian(input)).toThrow(message);
  });
});

describe('properties against exact rational arithmetic', () => {
  const polarities: Polarity[] = ['higher_better', 'lower_better', 'target_based'];

  it('capaianOf rounds and categorises exactly like the exact value (5000 random cases)', () => {
    const next = rng(20260101);
    for (let i = 0; i < 5000; i++) {
      const polarity = polarities[i % 3];
      const T = i % 50 === 0 ? '0' : randomDecimal(next, 1000, 4);
      const R = i % 70 === 0 ? '0' : randomDecimal(next, 1500, 4);
      const cap = i % 4 === 0 ? null : randomDecimal(next, 200, 2);
      const value = capaianOf(R, T, polarity, cap)!;
      const exact = exactRound2(exactCapaian(fromText(R), fromText(T), polarity, cap === null ? null : fromText(cap)));
      expect({ R, T, polarity, cap, rounded: round2(value) }).toEqual({ R, T, polarity, cap, rounded: exact });
      expect({ R, T, polarity, cap, category: categoryOf(value) }).toEqual({
        R,
        T,
        polarity,
        cap,
        category: categoryOfText(round2(value)),
      });
    }
  });

  it('category of a random decimal matches the category of its round2 text (5000 cases)', () => {
    const next = rng(7);
    for (let i = 0; i < 5000; i++) {
      // Bias towards the category bounds and their half-cent neighbours.
      const bound = [51, 66, 76, 91][i % 4];
      const x = i % 2 === 0 ? `${bound - 1}.99${Math.floor(next() * 10)}${Math.floor(next() * 10)}` : randomDecimal(next, 160, 5);
      const value = new Decimal(x);
      expect({ x, category: categoryOf(value) }).toEqual({ x, category: categoryOfText(round2(value)) });
      expect({ x, rounded: round2(value) }).toEqual({ x, rounded: exactRound2(fromText(x)) });
    }
  });

  it('means of non-terminating capaians that land exactly on a half cent round up (1000 constructed cases)', () => {
    const next = rng(42);
    const primes = [3n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 53n, 71n, 97n];
    let cases = 0;
    while (cases < 1000) {
      const T = primes[Math.floor(next() * primes.length)];
      const m = 2n + BigInt(Math.floor(next() * 8));
      // Target mean b = an odd number of thousandths ending in 5, e.g. 838.125.
      const b = BigInt(40000 + Math.floor(next() * 100000)) * 10n + 5n;
      // mean(100·R_i/T) = b/1000 ⇔ Σ R_i (in hundredths) = b·T·m / 1000.
      if ((b * T * m) % 1000n !== 0n) continue;
      let left = (b * T * m) / 1000n;
      const Rs: string[] = [];
      for (let i = 1n; i < m; i++) {
        const share = BigInt(Math.floor(next() * Number((2n * left) / (m - i + 1n) + 1n)));
        const r = share > left ? left : share;
        Rs.push(fromHundredths(r));
        left -= r;
      }
      Rs.push(fromHundredths(left));
      const values = Rs.map((R) => capaianOf(R, String(T), 'higher_better', null));
      const exact = frac(b, 1000n);
      expect({ Rs, T, rounded: round2(mean(values).value!) }).toEqual({ Rs, T, rounded: exactRound2(exact) });
      cases++;
    }
  });

  it('weighted means round exactly like the exact weighted mean (2000 random cases)', () => {
    const next = rng(99);
    for (let i = 0; i < 2000; i++) {
      const items = Array.from({ length: 1 + Math.floor(next() * 6) }, () => {
        const T = randomDecimal(next, 300, 2);
        const R = next() < 0.2 ? null : randomDecimal(next, 300, 2);
        return { R, T: T === '0' ? '1' : T, weight: randomDecimal(next, 5, 2) };
      });
      const result = weightedMean(
        items.map((it) => ({ value: capaianOf(it.R, it.T, 'target_based', '150'), weight: it.weight })),
      );
      let num = ZERO;
      let den = ZERO;
      for (const it of items) {
        if (it.R === null) continue;
        const w = fromText(it.weight);
        num = add(num, mul(w, exactCapaian(fromText(it.R), fromText(it.T), 'target_based', frac(150n))));
        den = add(den, w);
      }
      const expected = den.n === 0n ? null : exactRound2(div(num, den));
      expect({ items, rounded: result.value && round2(result.value) }).toEqual({ items, rounded: expected });
    }
  });

  it('cumulative values with gaps compare exactly over the matched periods (3000 random quarterly cases)', () => {
    const next = rng(5);
    const quarters: Period[] = ['Q1', 'Q2', 'Q3', 'Q4'];
    const aggregations: Aggregation[] = ['sum', 'average', 'last'];
    const aggregate = (xs: Fraction[], agg: Aggregation): Fraction =>
      agg === 'last' ? xs[xs.length - 1] : agg === 'sum' ? xs.reduce(add, ZERO) : div(xs.reduce(add, ZERO), frac(BigInt(xs.length)));
    for (let i = 0; i < 3000; i++) {
      const targets: Record<string, string> = {};
      const realizations: Record<string, string | null> = {};
      for (const q of quarters) {
        targets[q] = randomDecimal(next, 120, 3);
        realizations[q] = next() < 0.3 ? null : randomDecimal(next, 120, 3);
      }
      const period: Period = i % 5 === 4 ? 'Y' : quarters[i % 5];
      const polarity = polarities[i % 3];
      const aggregation = aggregations[Math.floor(i / 3) % 3];
      const upTo = period === 'Y' ? quarters : quarters.slice(0, quarters.indexOf(period) + 1);
      const entered = upTo.filter((q) => realizations[q] !== null);
      const result = cumulativeCapaian({ frequency: 'quarterly', aggregation, polarity, cap: '150', period, targets, realizations });
      const scored = period === 'Y' ? entered.length > 0 : realizations[period] !== null;
      const c = { targets, realizations, period, aggregation, polarity };
      if (!scored) {
        expect({ ...c, capaian: result.capaian, realization: result.realization, through: result.through }).toEqual({ ...c, capaian: null, realization: null, through: null });
        continue;
      }
      const R = aggregate(entered.map((q) => fromText(realizations[q]!)), aggregation);
      const T = aggregate(entered.map((q) => fromText(targets[q])), aggregation);
      expect({ ...c, rounded: round2(result.capaian!), through: result.through }).toEqual({
        ...c,
        rounded: exactRound2(exactCapaian(R, T, polarity, frac(150n))),
        through: entered[entered.length - 1],
      });
    }
  });
});

function fromHundredths(h: bigint): string {
  return `${h / 100n}.${String(h % 100n).padStart(2, '0')}`;
}
