import Decimal from 'decimal.js';
import {
  Aggregation,
  Frequency,
  isAggregation,
  isPolarity,
  parseDecimal,
  Period,
  periodsThrough,
  Polarity,
  targetOfPeriod,
} from '../periods/period-calendar';

/**
 * Achievement (*capaian*) of one indicator, DOMAIN.md "Achievement (capaian)". Pure and exact:
 * decimal.js at 50 significant digits, half-up; values stay unrounded until round2 (category.ts).
 * Each capaian is a single correctly rounded division of exact decimals, so it is exact whenever
 * the true value has ≤ 50 significant digits.
 */
export const CapaianDecimal = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
const D = CapaianDecimal;

export type DecimalInput = Decimal | string;

const HUNDRED = new D(100);

function toDecimal(value: DecimalInput, what: string): Decimal {
  return parseDecimal(value, what);
}

/**
 * capaian = R/T×100 (higher_better), (2T−R)/T×100 floored at 0 (lower_better),
 * max(0, 100 − |R−T|/T×100) (target_based); T = 0: higher_better → 100 if R = 0 else the cap
 * (100 without one), the others → 100 if R = 0 else 0. Then min(value, cap); cap null = no cap.
 *
 * - R null → null: *not scored*, never 0.
 * - T < 0, a negative cap, or a malformed number → RangeError (the caller answers 400).
 * - R may be negative (a growth rate): higher_better then goes below 0 — DOMAIN.md floors only
 *   lower_better and target_based — and with T = 0 it still gets the cap, as written.
 * - The formulas are invariant when R and T are scaled by the same positive factor; cumulative
 *   averages use that to stay a single division (see cumulativeCapaian).
 */
export function capaianOf(
  realization: DecimalInput | null,
  target: DecimalInput,
  polarity: Polarity,
  cap: DecimalInput | null,
): Decimal | null {
  if (!isPolarity(polarity)) throw new RangeError(`unknown polarity ${JSON.stringify(polarity)}`);
  const T = toDecimal(target, 'target');
  if (T.lt(0)) throw new RangeError(`target must not be negative, got ${T.toFixed()}`);
  const capValue = cap === null ? null : toDecimal(cap, 'cap');
  if (capValue?.lt(0)) throw new RangeError(`cap must not be negative, got ${capValue.toFixed()}`);
  if (realization === null || realization === undefined) return null;
  const R = toDecimal(realization, 'realization');

  const raw = T.isZero() ? capaianAtZeroTarget(R, polarity, capValue) : capaianAtPositiveTarget(R, T, polarity);
  return capValue && raw.gt(capValue) ? capValue : raw;
}

function capaianAtPositiveTarget(R: Decimal, T: Decimal, polarity: Polarity): Decimal {
  switch (polarity) {
    case 'higher_better':
      return R.times(HUNDRED).div(T);
    case 'lower_better':
      return D.max(0, T.times(2).minus(R).times(HUNDRED).div(T));
    case 'target_based':
      return D.max(0, HUNDRED.minus(R.minus(T).abs().times(HUNDRED).div(T)));
  }
}

function capaianAtZeroTarget(R: Decimal, polarity: Polarity, cap: Decimal | null): Decimal {
  if (R.isZero()) return HUNDRED;
  return polarity === 'higher_better' ? (cap ?? HUNDRED) : new D(0);
}

/** Combines period values by the aggregation (sum / average / last); [] → null. Unrounded. */
export function aggregateValues(values: readonly Decimal[], agg: Aggregation): Decimal | null {
  if (!isAggregation(agg)) throw new RangeError(`unknown aggregation ${JSON.stringify(agg)}`);
  if (values.length === 0) return null;
  switch (agg) {
    case 'sum':
      return D.sum(...values);
    case 'average':
      return D.sum(...values).div(values.length);
    case 'last':
      return new D(values[values.length - 1]);
  }
}

export interface CumulativeInput {
  frequency: Frequency;
  aggregation: Aggregation;
  polarity: Polarity;
  /** The capaian cap setting (default 150 is the caller's); null = no cap. */
  cap: DecimalInput | null;
  /** The *s.d.* period: a period of the frequency, or `Y` for the year so far. */
  period: Period;
  /**
   * The year's targets by key: `Y` (the annual target) and the stored split (Q1–Q4, M01–M12).
   * S1/S2 are derived from their quarters when absent (periods/targetOfPeriod).
   */
  targets: ReadonlyMap<Period, DecimalInput> | Readonly<Partial<Record<Period, DecimalInput>>>;
  /**
   * Realizations by period; a missing key, null or undefined = not entered yet. Only the values
   * that count belong here (the caller decides which statuses do, see performance-rows).
   */
  realizations: Readonly<Partial<Record<Period, string | null>>>;
}

export interface CumulativeCapaian {
  /**
   * Targets aggregated: over the matched periods when a realization is included, otherwise over
   * ALL periods 1..p (what the period asks for); null when a needed target is missing.
   */
  target: Decimal | null;
  /** Realizations of the matched periods aggregated; null when none is included. */
  realization: Decimal | null;
  capaian: Decimal | null;
  /** The latest period included (the end of the matched periods); null when none is. */
  through: Period | null;
}

/**
 * The *s.d.* capaian of period p (DOMAIN.md "Indicators"): the realizations of periods 1..p of
 * the indicator's frequency aggregated by its aggregation, against the targets of the SAME periods
 * aggregated the same way.
 *
 * Missing realizations are never read as 0 ("No realization yet: not scored (null), never 0"):
 * - p a period of the frequency: p's own realization must be entered, else not scored
 *   (realization and capaian null; the target shown is that of all periods 1..p).
 * - p = Y: the year so far, i.e. s.d. the latest period of the year that is entered; nothing
 *   entered → not scored (target: the whole year's). With every period entered this is the
 *   full-year capaian of DOMAIN.md.
 * - Matched periods: when some periods before the end are not entered, realizations AND targets
 *   aggregate over the entered ones only, so a gap neither lowers a sum (R over fewer periods than
 *   T) nor inflates anything; `last` compares the end's level with the end's target and `average`
 *   compares means over the same k periods.
 * - A matched period's target missing (targets not set yet) → target and capaian null, never a
 *   guess; the realization is still shown.
 * - Averages are compared without dividing: (ΣR/k)/(ΣT/k) is evaluated as capaianOf(ΣR, ΣT),
 *   which the formulas allow (scale invariance) and keeps a mean at exactly 90.995 from being
 *   computed as 90.99499… and rounded down. The returned target/realization are the means.
 */
export function cumulativeCapaian(input: CumulativeInput): CumulativeCapaian {
  const { frequency, aggregation, polarity, cap, period } = input;
  if (!isAggregation(aggregation)) throw new RangeError(`unknown aggregation ${JSON.stringify(aggregation)}`);
  const periods = periodsThrough(frequency, period);
  const entered = new Map<Period, Decimal>();
  for (const p of periods) {
    const raw = input.realizations[p];
    if (raw !== null && raw !== undefined) entered.set(p, toDecimal(raw, 'realization'));
  }
  const end = periods[periods.length - 1];
  // Y runs through the latest entered period; any other p needs p itself. Either way every entered
  // period lies at or before the end, so the matched periods are exactly the entered ones.
  const through = period === 'Y' ? ([...entered.keys()].pop() ?? null) : entered.has(end) ? end : null;
  if (!through) {
    const all = targetsOf(input, periods);
    return { target: all && aggregateValues(all, aggregation), realization: null, capaian: null, through: null };
  }

  const matched = [...entered.keys()];
  const values = [...entered.values()];
  // Both lists are non-empty here, so the aggregates are never null.
  const realization = aggregateValues(values, aggregation) as Decimal;
  const targetList = targetsOf(input, matched);
  if (!targetList) return { target: null, realization, capaian: null, through };
  const target = aggregateValues(targetList, aggregation) as Decimal;

  // Means over the same k periods: comparing the sums gives the same capaian in one division.
  const [R, T] = aggregation === 'average' ? [D.sum(...values), D.sum(...targetList)] : [realization, target];
  return { target, realization, capaian: capaianOf(R, T, polarity, cap), through };
}

/** Targets of the given periods, or null when any is missing (targets not set yet). */
function targetsOf(input: CumulativeInput, periods: Period[]): Decimal[] | null {
  const stored = (key: Period): Decimal | null => {
    const { targets } = input;
    const raw = isMap(targets) ? targets.get(key) : Object.hasOwn(targets, key) ? targets[key] : undefined;
    return raw === undefined || raw === null ? null : toDecimal(raw, `target ${key}`);
  };
  const result: Decimal[] = [];
  for (const p of periods) {
    const value = stored(p) ?? derivedSemesterTarget(input, p, stored);
    if (!value) return null;
    result.push(value);
  }
  return result;
}

function isMap<K, V>(value: ReadonlyMap<K, V> | object): value is ReadonlyMap<K, V> {
  return value instanceof Map;
}

/** S1/S2 targets are not stored: targetOfPeriod combines their two quarters by the aggregation. */
function derivedSemesterTarget(
  input: CumulativeInput,
  p: Period,
  stored: (key: Period) => Decimal | null,
): Decimal | null {
  const halves: Partial<Record<Period, [Period, Period]>> = { S1: ['Q1', 'Q2'], S2: ['Q3', 'Q4'] };
  const quarters = halves[p];
  if (!quarters) return null;
  const split: Record<string, string> = {};
  for (const q of quarters) {
    const value = stored(q);
    if (!value) return null;
    split[q] = value.toFixed();
  }
  return new D(targetOfPeriod(input.frequency, input.aggregation, p, split, '0'));
}
