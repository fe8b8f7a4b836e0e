import Decimal from 'decimal.js';
import {
  MONTHS,
  QUARTERS,
  validateTargetSplit,
  type Aggregation,
  type Frequency,
  type Polarity,
} from '../../../apps/core-performance/src/periods/period-calendar';
import type { Ramp } from '../catalog/spec';
import type { Rng } from '../random';

/**
 * The Rencana Aksi of one indicator-year: the annual target split into Q1–Q4 (and M01–M12 for
 * monthly indicators) so that the split combines back to the annual exactly as the service's
 * validateTargetSplit demands. Exact decimals throughout; every result is checked by that very
 * function, so the demo can never store a split the API would refuse.
 */
export const TargetDecimal = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP });
const D = TargetDecimal;

export interface SplitShape {
  frequency: Frequency;
  aggregation: Aggregation;
  polarity: Polarity;
  ramp: Ramp;
  /** Decimal places of every value. */
  dec: number;
  max: number | null;
}

/** How a year's work spreads over the quarters (budget execution is usually back-loaded). */
const QUARTER_PROFILES: ReadonlyArray<readonly number[]> = [
  [25, 25, 25, 25],
  [20, 25, 25, 30],
  [15, 25, 30, 30],
  [10, 25, 30, 35],
  [20, 30, 30, 20],
];

/** Share of a cumulative annual target reached by the end of Q1, Q2, Q3. */
const CUMULATIVE_PROFILES: ReadonlyArray<readonly [number, number, number]> = [
  [0.25, 0.5, 0.75],
  [0.2, 0.45, 0.7],
  [0.15, 0.4, 0.7],
  [0.3, 0.55, 0.8],
];

export function splitYear(shape: SplitShape, annual: string, rng: Rng): Record<string, string> {
  const A = new D(annual);
  const values = shape.aggregation === 'sum' ? splitSum(shape, A, rng) : shape.aggregation === 'average' ? splitAverage(shape, A, rng) : splitLast(shape, A, rng);
  const periods: Record<string, string> = {};
  for (const [key, value] of values) periods[key] = value.toFixed(shape.dec);
  const errors = validateTargetSplit(shape.frequency, shape.aggregation, annual, periods);
  if (errors.length) {
    throw new Error(`demo generator built an invalid target split (${shape.frequency}/${shape.aggregation}, annual ${annual}): ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`);
  }
  return periods;
}

type Split = Array<[string, Decimal]>;

function unitOf(dec: number): Decimal {
  return new D(10).pow(-dec);
}

/** Down to a multiple of the unit (never negative). */
function floorTo(x: Decimal, unit: Decimal): Decimal {
  return D.max(0, x.div(unit).floor().times(unit));
}

function roundTo(x: Decimal, dec: number): Decimal {
  return x.toDecimalPlaces(dec, Decimal.ROUND_HALF_UP);
}

function clamp(x: Decimal, max: number | null): Decimal {
  const low = D.max(0, x);
  return max !== null && low.gt(max) ? new D(max) : low;
}

/** sum: integer units (of 10^-dec) handed out by largest remainder, so the parts add up exactly. */
function splitSum(s: SplitShape, A: Decimal, rng: Rng): Split {
  const scale = new D(10).pow(s.dec);
  const total = A.times(scale).toNumber();
  if (!Number.isSafeInteger(total)) throw new RangeError(`annual target ${A.toFixed()} has more than ${s.dec} decimals`);
  const quarterWeights = rng.pick(QUARTER_PROFILES);
  const asValue = (units: number) => new D(units).div(scale);
  if (s.frequency !== 'monthly') {
    const quarters = allocate(total, quarterWeights);
    return QUARTERS.map((q, i) => [q, asValue(quarters[i])]);
  }
  const monthWeights = quarterWeights.flatMap((w) => [0, 1, 2].map(() => w * rng.float(0.8, 1.2)));
  const months = allocate(total, monthWeights);
  const quarters = QUARTERS.map((_, i) => months[i * 3] + months[i * 3 + 1] + months[i * 3 + 2]);
  return [...QUARTERS.map((q, i): [string, Decimal] => [q, asValue(quarters[i])]), ...MONTHS.map((m, i): [string, Decimal] => [m, asValue(months[i])])];
}

/** Largest-remainder apportionment of `total` integer units by `weights` (ties: earlier first). */
export function allocate(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k].i]++;
  return parts;
}

/**
 * average: quarters A−2d, A−d, A+d, A+2d (mirrored when lower is better), months q−e, q, q+e:
 * deviations cancel, so the means are exact without dividing. Flat for target_based indicators.
 */
function splitAverage(s: SplitShape, A: Decimal, rng: Rng): Split {
  const unit = unitOf(s.dec);
  const dir = s.polarity === 'lower_better' ? -1 : 1;
  let d = s.polarity === 'target_based' ? new D(0) : floorTo(A.times(rng.float(0.005, 0.03)), unit);
  // Keep every quarter within [0, max]: the widest is A ± 2d.
  d = D.min(d, floorTo(A.div(2), unit));
  if (s.max !== null) d = D.min(d, floorTo(new D(s.max).minus(A).div(2), unit));
  const quarters = [-2, -1, 1, 2].map((k) => A.plus(d.times(k * dir)));
  const out: Split = QUARTERS.map((q, i) => [q, quarters[i]]);
  if (s.frequency !== 'monthly') return out;
  const e = floorTo(d.div(2), unit);
  quarters.forEach((q, i) => {
    const fits = q.minus(e).gte(0) && (s.max === null || q.plus(e).lte(s.max));
    const step = fits ? e.times(dir) : new D(0);
    out.push([MONTHS[i * 3], q.minus(step)], [MONTHS[i * 3 + 1], q], [MONTHS[i * 3 + 2], q.plus(step)]);
  });
  return out;
}

/**
 * last: Q4 and M12 carry the annual target. A cumulative coverage climbs from zero through the
 * year; a level (index, rate) moves a little towards the target each quarter. Months between
 * quarter ends are interpolated.
 */
function splitLast(s: SplitShape, A: Decimal, rng: Rng): Split {
  const unit = unitOf(s.dec);
  let quarters: Decimal[];
  let start: Decimal;
  if (s.ramp === 'cumulative' && s.polarity === 'higher_better') {
    const shares = rng.pick(CUMULATIVE_PROFILES);
    quarters = [...shares.map((f) => roundTo(A.times(f), s.dec)), A];
    start = new D(0);
  } else {
    // Earlier quarters are further from the target: below it when higher is better, above when lower is.
    const away = s.polarity === 'lower_better' ? 1 : -1;
    const step = s.polarity === 'target_based' ? new D(0) : floorTo(A.times(rng.float(0.003, 0.015)), unit);
    quarters = [3, 2, 1, 0].map((k) => clamp(A.plus(step.times(k * away)), s.max));
    start = clamp(A.plus(step.times(4 * away)), s.max);
  }
  const out: Split = QUARTERS.map((q, i) => [q, quarters[i]]);
  if (s.frequency !== 'monthly') return out;
  quarters.forEach((q, i) => {
    const prev = i === 0 ? start : quarters[i - 1];
    const delta = q.minus(prev);
    out.push([MONTHS[i * 3], roundTo(prev.plus(delta.div(3)), s.dec)], [MONTHS[i * 3 + 1], roundTo(prev.plus(delta.times(2).div(3)), s.dec)], [MONTHS[i * 3 + 2], q]);
  });
  return out;
}
