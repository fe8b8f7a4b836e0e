import { INDICATOR_AGGREGATIONS, INDICATOR_FREQUENCIES, INDICATOR_POLARITIES, type IndicatorAggregation, type IndicatorFrequency, type IndicatorPolarity } from '@sakip/contracts';
import Decimal from 'decimal.js';

/**
 * The reporting calendar of one year (DOMAIN.md "Indicators", "Achievement workflow") and the
 * rules for a year's target split. Pure: no I/O, no Nest. Numbers cross this API as decimal
 * strings and are computed with decimal.js, never with JS floats.
 */

// The enums are the public contract's (libs/contracts): one list for the API and the engine.
export const FREQUENCIES = INDICATOR_FREQUENCIES;
export type Frequency = IndicatorFrequency;

export const AGGREGATIONS = INDICATOR_AGGREGATIONS;
export type Aggregation = IndicatorAggregation;

export const POLARITIES = INDICATOR_POLARITIES;
export type Polarity = IndicatorPolarity;

export const ALL_PERIODS = [
  'Y',
  'S1',
  'S2',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
] as const;
export type Period = (typeof ALL_PERIODS)[number];

export const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'] as const satisfies readonly Period[];
export const MONTHS = ALL_PERIODS.slice(7) as readonly Period[];

/** Sums of target splits stay exact: 12 values of ≤ 20 + 20 digits, times 12, fit in 50 digits. */
const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });

/** Bounds that keep every sum and `annual × n` of a split exact at 50 significant digits. */
const MAX_INTEGER_DIGITS = 20;
const MAX_FRACTION_DIGITS = 20;

const PERIODS_OF: Record<Frequency, readonly Period[]> = {
  annual: ['Y'],
  semester: ['S1', 'S2'],
  quarterly: QUARTERS,
  monthly: MONTHS,
};

/** First and last month (1–12) of every period; periods nest because their bounds align. */
const MONTH_RANGE: Record<Period, readonly [number, number]> = {
  Y: [1, 12],
  S1: [1, 6],
  S2: [7, 12],
  Q1: [1, 3],
  Q2: [4, 6],
  Q3: [7, 9],
  Q4: [10, 12],
  M01: [1, 1],
  M02: [2, 2],
  M03: [3, 3],
  M04: [4, 4],
  M05: [5, 5],
  M06: [6, 6],
  M07: [7, 7],
  M08: [8, 8],
  M09: [9, 9],
  M10: [10, 10],
  M11: [11, 11],
  M12: [12, 12],
};

const HALVES: Record<'S1' | 'S2', readonly [Period, Period]> = { S1: ['Q1', 'Q2'], S2: ['Q3', 'Q4'] };

export function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && Object.hasOwn(MONTH_RANGE, value);
}

export function isFrequency(value: unknown): value is Frequency {
  return (FREQUENCIES as readonly unknown[]).includes(value);
}

export function isAggregation(value: unknown): value is Aggregation {
  return (AGGREGATIONS as readonly unknown[]).includes(value);
}

export function isPolarity(value: unknown): value is Polarity {
  return (POLARITIES as readonly unknown[]).includes(value);
}

/** The periods a realization may be entered for, in calendar order. */
export function periodsOf(freq: Frequency): Period[] {
  const periods = PERIODS_OF[freq];
  if (!periods) throw new RangeError(`unknown frequency ${JSON.stringify(freq)}`);
  return [...periods];
}

export function isPeriodAllowed(freq: Frequency, p: string): p is Period {
  return periodsOf(freq).includes(p as Period);
}

/**
 * Periods 1..p of the frequency (*s.d.* p). `Y` means the whole year for every frequency; any
 * other period must belong to the frequency (a quarterly indicator has no "s.d. M05") — RangeError.
 */
export function periodsThrough(freq: Frequency, p: Period): Period[] {
  const periods = periodsOf(freq);
  if (p === 'Y') return periods;
  const index = periods.indexOf(p);
  if (index < 0) throw new RangeError(`period ${JSON.stringify(p)} is not a ${freq} period (${periods.join(', ')})`);
  return periods.slice(0, index + 1);
}

function monthRange(p: Period): readonly [number, number] {
  if (!isPeriod(p)) throw new RangeError(`unknown period ${JSON.stringify(p)}`);
  return MONTH_RANGE[p];
}

/** Months (1–12) inside the period: Y → 1..12, S1 → 1..6, Q2 → 4..6, M03 → [3]. */
export function monthsOf(p: Period): number[] {
  const [first, last] = monthRange(p);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function lastMonthOf(p: Period): number {
  return monthRange(p)[1];
}

/** A lock on `outer` covers `inner` when every month of `inner` is inside `outer` (Y ⊃ S ⊃ Q ⊃ M). */
export function covers(outer: Period, inner: Period): boolean {
  const [outerFirst, outerLast] = monthRange(outer);
  const [innerFirst, innerLast] = monthRange(inner);
  return outerFirst <= innerFirst && innerLast <= outerLast;
}

/** Every period whose lock covers p (p itself and its containers), in ALL_PERIODS order. */
export function coveringPeriods(p: Period): Period[] {
  monthRange(p); // throws on an unknown period
  return ALL_PERIODS.filter((outer) => covers(outer, p));
}

/** Keys a target PUT carries: the Rencana Aksi quarters always, the months for monthly indicators. */
export function requiredTargetPeriods(freq: Frequency): Period[] {
  periodsOf(freq); // throws on an unknown frequency
  return freq === 'monthly' ? [...QUARTERS, ...MONTHS] : [...QUARTERS];
}

/**
 * Parses a decimal number given as plain text (`-12.5`, `90.995`; no exponent, hex, NaN or
 * Infinity). A finite JS number is read through its shortest text (`0.1` → 0.1), for callers that
 * hold a parsed JSON body. Returns null when the value is not a decimal.
 */
export function readDecimal(value: unknown): Decimal | null {
  if (typeof value === 'number') return Number.isFinite(value) ? new D(value) : null;
  if (Decimal.isDecimal(value)) return value.isFinite() ? new D(value) : null;
  if (typeof value !== 'string' || value.length > 200 || !/^-?\d+(\.\d+)?$/.test(value)) return null;
  return new D(value);
}

/** Like readDecimal, but a RangeError (the caller's 400) names what was wrong. */
export function parseDecimal(value: unknown, what = 'value'): Decimal {
  const parsed = readDecimal(value);
  if (!parsed) throw new RangeError(`${what} must be a decimal number, got ${describe(value)}`);
  return parsed;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === undefined ? 'nothing' : String(value);
}

/** Combines period values into their container by the indicator's aggregation. */
function combine(values: readonly Decimal[], agg: Aggregation): Decimal {
  switch (agg) {
    case 'sum':
      return D.sum(...values);
    case 'average':
      return D.sum(...values).div(values.length);
    case 'last':
      return new D(values[values.length - 1]);
    default:
      throw new RangeError(`unknown aggregation ${JSON.stringify(agg)}`);
  }
}

/**
 * The target of one period, exact and unrounded, as a decimal string: Y → annual; Q/M → its own
 * split key (months exist only for monthly indicators); S1/S2 → its two quarters combined by the
 * aggregation (sum: Q1+Q2; average: their mean, exact since it halves; last: Q2). Missing or
 * malformed targets are a RangeError: validateTargetSplit keeps stored splits complete.
 */
export function targetOfPeriod(
  freq: Frequency,
  agg: Aggregation,
  p: Period,
  targets: Readonly<Record<string, string>>,
  annual: string,
): string {
  return targetDecimalOfPeriod(freq, agg, p, targets, annual).toFixed();
}

function targetDecimalOfPeriod(
  freq: Frequency,
  agg: Aggregation,
  p: Period,
  targets: Readonly<Record<string, string>>,
  annual: string,
): Decimal {
  periodsOf(freq); // throws on an unknown frequency
  if (!isAggregation(agg)) throw new RangeError(`unknown aggregation ${JSON.stringify(agg)}`);
  const own = (key: Period): Decimal => {
    if (!Object.hasOwn(targets, key)) throw new RangeError(`no target for ${key}`);
    return parseDecimal(targets[key], `target ${key}`);
  };
  if (p === 'Y') return parseDecimal(annual, 'annual target');
  if (p === 'S1' || p === 'S2') return combine(HALVES[p].map(own), agg);
  if ((QUARTERS as readonly string[]).includes(p)) return own(p);
  if (isPeriod(p)) {
    if (freq !== 'monthly') throw new RangeError(`a ${freq} indicator has no monthly targets (${p})`);
    return own(p);
  }
  throw new RangeError(`unknown period ${JSON.stringify(p)}`);
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Checks a target PUT (`{annual, periods}`): the keys are exactly requiredTargetPeriods(freq);
 * every value is a decimal ≥ 0 with at most 20 digits before and 20 after the point (so all the
 * sums below are exact); the quarters combine to the annual by the aggregation; for monthly
 * indicators the months combine to the annual and each quarter's three months to that quarter.
 * Averages are compared without dividing (`sum = annual × n`), so 100/3 never has to be rounded.
 * Returns [] when valid; combination checks run only once every value parses.
 */
export function validateTargetSplit(
  freq: Frequency,
  agg: Aggregation,
  annual: string,
  periods: Readonly<Record<string, string>>,
): FieldError[] {
  if (!isFrequency(freq)) return [{ field: 'frequency', message: `unknown frequency ${describe(freq)}` }];
  if (!isAggregation(agg)) return [{ field: 'aggregation', message: `unknown aggregation ${describe(agg)}` }];
  const errors: FieldError[] = [];
  const annualValue = checkTargetValue(annual, 'annual', errors);
  if (typeof periods !== 'object' || periods === null || Array.isArray(periods)) {
    errors.push({ field: 'periods', message: 'must be an object of period → target' });
    return errors;
  }

  const required = requiredTargetPeriods(freq);
  const values = new Map<Period, Decimal>();
  for (const key of required) {
    if (!Object.hasOwn(periods, key)) {
      errors.push({ field: `periods.${key}`, message: `is required for a ${freq} indicator` });
      continue;
    }
    const value = checkTargetValue(periods[key], `periods.${key}`, errors);
    if (value) values.set(key, value);
  }
  for (const key of Object.keys(periods)) {
    if (!(required as string[]).includes(key)) {
      errors.push({
        field: `periods.${key}`,
        message: `is not a target period of a ${freq} indicator (expected ${describeKeys(required)})`,
      });
    }
  }
  if (errors.length > 0 || !annualValue) return errors;

  const quarters = QUARTERS.map((q) => ({ key: q as Period, value: values.get(q) as Decimal }));
  const combined = (parts: { key: Period; value: Decimal }[], whole: Decimal, wholeName: string): string | null =>
    combinationProblem(parts, whole, wholeName, agg);

  const yearFromQuarters = combined(quarters, annualValue, 'annual');
  if (yearFromQuarters) errors.push({ field: 'periods', message: yearFromQuarters });
  if (freq === 'monthly') {
    const months = MONTHS.map((m) => ({ key: m, value: values.get(m) as Decimal }));
    const yearFromMonths = combined(months, annualValue, 'annual');
    if (yearFromMonths) errors.push({ field: 'periods', message: yearFromMonths });
    QUARTERS.forEach((q, i) => {
      const problem = combined(months.slice(i * 3, i * 3 + 3), values.get(q) as Decimal, q);
      if (problem) errors.push({ field: `periods.${q}`, message: problem });
    });
  }
  return errors;
}

function checkTargetValue(raw: unknown, field: string, errors: FieldError[]): Decimal | null {
  const value = readDecimal(raw);
  if (!value) {
    errors.push({ field, message: `must be a decimal number (e.g. "12.5"), got ${describe(raw)}` });
    return null;
  }
  if (value.lt(0)) {
    errors.push({ field, message: `must not be negative, got ${value.toFixed()}` });
    return null;
  }
  const integerDigits = value.isZero() ? 0 : Math.max(0, value.e + 1);
  if (integerDigits > MAX_INTEGER_DIGITS || value.decimalPlaces() > MAX_FRACTION_DIGITS) {
    errors.push({
      field,
      message: `must have at most ${MAX_INTEGER_DIGITS} digits before and ${MAX_FRACTION_DIGITS} after the decimal point`,
    });
    return null;
  }
  return value;
}

/** Null when `parts` combine to `whole` under the aggregation, else a message naming the numbers. */
function combinationProblem(
  parts: { key: Period; value: Decimal }[],
  whole: Decimal,
  wholeName: string,
  agg: Aggregation,
): string | null {
  const names = parts.map((p) => p.key);
  const sum = D.sum(...parts.map((p) => p.value));
  const wholeText = `${wholeName} is ${whole.toFixed()}`;
  switch (agg) {
    case 'sum':
      if (sum.eq(whole)) return null;
      return `${joinKeys(names, '+')} = ${sum.toFixed()} but ${wholeText} (aggregation sum)`;
    case 'average': {
      const n = parts.length;
      if (sum.eq(whole.times(n))) return null;
      return `mean(${joinKeys(names, ', ')}) = ${describeMean(sum, n)} but ${wholeText} (aggregation average)`;
    }
    case 'last': {
      const last = parts[parts.length - 1];
      if (last.value.eq(whole)) return null;
      return `${last.key} = ${last.value.toFixed()} but ${wholeText} (aggregation last: the last period carries the target)`;
    }
  }
}

/** `sum/n` shown exactly when it terminates, else to 6 decimals with "≈" and the fraction. */
function describeMean(sum: Decimal, n: number): string {
  if (terminates(sum, n)) return sum.div(n).toFixed();
  return `≈${sum.div(n).toFixed(6)} (${sum.toFixed()}/${n})`;
}

/** sum/n has a finite decimal expansion iff n without its factors 2 and 5 divides sum's digits. */
function terminates(sum: Decimal, n: number): boolean {
  let rest = n;
  while (rest % 2 === 0) rest /= 2;
  while (rest % 5 === 0) rest /= 5;
  return sum.times(new D(10).pow(sum.decimalPlaces())).mod(rest).isZero();
}

/** `Q1+Q2+Q3+Q4`, or `M01+…+M12` when the list is long. */
function joinKeys(keys: Period[], separator: string): string {
  return keys.length > 4 ? `${keys[0]}${separator}…${separator}${keys[keys.length - 1]}` : keys.join(separator);
}

function describeKeys(keys: Period[]): string {
  return keys.length === 4 ? 'Q1–Q4' : 'Q1–Q4 and M01–M12';
}
