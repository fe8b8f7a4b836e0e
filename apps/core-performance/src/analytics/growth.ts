import type Decimal from 'decimal.js';
import { CapaianDecimal as D } from '../capaian/capaian';

/**
 * Growth vs the previous year in percent: (current − previous) / |previous| × 100, unrounded.
 * Null when it cannot be computed: either value missing (not scored is never 0) or previous = 0.
 * Dividing by |previous| keeps the sign meaning "went up" when the previous value was negative.
 */
export function growthPercent(current: Decimal | null, previous: Decimal | null): Decimal | null {
  if (current === null || previous === null || previous.isZero()) return null;
  return new D(current).minus(previous).times(100).div(previous.abs());
}
