import Decimal from 'decimal.js';
import { parseDecimal } from '../periods/period-calendar';
import { CapaianDecimal as D, DecimalInput } from './capaian';

/**
 * Roll-ups of capaian (DOMAIN.md "Roll-up"): a node (program, kegiatan…) and a sasaran are the
 * weighted mean of their indicators, an OPD the mean of its sasaran. Values are averaged
 * unrounded; not-scored (null) items are skipped and counted, never read as 0.
 */
export interface RollUp {
  /** The mean of the scored items, unrounded; null when none is scored. */
  value: Decimal | null;
  /** How many items had a value. */
  scored: number;
  /** How many items there were. */
  total: number;
}

export interface WeightedItem {
  value: Decimal | null;
  /** Indicator weight (default 1 is the caller's); ≥ 0. */
  weight: DecimalInput;
}

/**
 * Σ(value × weight) / Σweight over the scored items only: weights are normalised within the parent
 * among the scored items, so an unscored indicator neither counts as 0 nor dilutes the others.
 * A negative weight is a RangeError. If every scored item weighs 0 there is nothing to average:
 * value null (still counted as scored), rather than guessing equal weights.
 */
export function weightedMean(items: readonly WeightedItem[]): RollUp {
  let weightedSum = new D(0);
  let weightSum = new D(0);
  let scored = 0;
  for (const item of items) {
    const weight = parseDecimal(item.weight, 'weight');
    if (weight.lt(0)) throw new RangeError(`weight must not be negative, got ${weight.toFixed()}`);
    if (item.value === null || item.value === undefined) continue;
    scored += 1;
    weightedSum = weightedSum.plus(weight.times(item.value));
    weightSum = weightSum.plus(weight);
  }
  const value = weightSum.isZero() ? null : weightedSum.div(weightSum);
  return { value, scored, total: items.length };
}

/** Unweighted mean of the scored values; nulls are skipped and counted. */
export function mean(values: readonly (Decimal | null)[]): RollUp {
  return weightedMean(values.map((value) => ({ value, weight: '1' })));
}

/** An OPD's capaian: the plain mean of its sasaran (objective) values. */
export function rollUpOpd(objectives: readonly (Decimal | null)[]): RollUp {
  return mean(objectives);
}

/**
 * The Pemda index: mean of the OPDs. A dashboard figure only — the Pemda's own performance in
 * reports is its RPJMD sasaran and Pemda IKU, computed like any other sasaran.
 */
export function pemdaDashboardIndex(opds: readonly (Decimal | null)[]): RollUp {
  return mean(opds);
}
