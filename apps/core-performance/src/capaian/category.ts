import Decimal from 'decimal.js';
import { CapaianDecimal as D } from './capaian';

/** Categories of Permendagri 86/2017, best first. */
export const CATEGORIES = ['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Lower bounds (inclusive) of each category on the rounded value; below the last → Sangat Rendah. */
const LOWER_BOUNDS: ReadonlyArray<readonly [Decimal, Category]> = [
  [new D(91), 'Sangat Tinggi'],
  [new D(76), 'Tinggi'],
  [new D(66), 'Sedang'],
  [new D(51), 'Rendah'],
];

/**
 * Digits kept before the final 2-decimal rounding. Values reach here after chains of 50-digit
 * operations (a mean of capaians with non-terminating expansions), whose error is ~1e-48 relative:
 * a mean that is exactly 838.125 may arrive as 838.12499…9 (47 nines). Settling to 40 significant
 * digits first lets the exact half round up as it should; a true value would have to lie within
 * 1e-38 of a half without being on it to be misread, which decimal inputs do not produce.
 */
const SETTLE_DIGITS = 40;

function rounded(x: Decimal): Decimal {
  if (!x.isFinite()) throw new RangeError(`cannot round ${x.toString()}`);
  const value = new D(x).toSignificantDigits(SETTLE_DIGITS, D.ROUND_HALF_UP).toDecimalPlaces(2, D.ROUND_HALF_UP);
  return value.isZero() ? new D(0) : value;
}

/** Half-up (halves away from zero) to 2 decimals, as text: 90.995 → '91.00', 7 → '7.00'. */
export function round2(x: Decimal): string {
  return rounded(x).toFixed(2);
}

/** API.md: capaian is a JSON number rounded to 2 decimals, or null when not scored. */
export function toApiNumber(x: Decimal | null): number | null {
  return x === null ? null : Number(round2(x));
}

/** Category of the value rounded to 2 decimals (DOMAIN.md: "on the rounded value"); null → null. */
export function categoryOf(x: Decimal | null): Category | null {
  if (x === null) return null;
  const value = rounded(x);
  for (const [bound, category] of LOWER_BOUNDS) if (value.gte(bound)) return category;
  return 'Sangat Rendah';
}
