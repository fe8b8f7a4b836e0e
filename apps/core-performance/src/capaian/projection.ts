import Decimal from 'decimal.js';
import { CapaianDecimal as D } from './capaian';
import { round2 } from './category';

/** DOMAIN.md "Analytics": a projected capaian below 85 flags the indicator or OPD as at risk. */
export const AT_RISK_BELOW = 85;

export interface ProjectionPoint {
  /** Usually the month (1–12). */
  x: number;
  y: Decimal;
}

/**
 * Least-squares line through the points, read at `atX` (e.g. the year-end value from the months
 * so far). Unrounded. 0 points → null; 1 point, or every point on the same x → the mean of the
 * y values (no slope can be fitted, so the level is carried forward flat).
 */
export function linearProjection(points: readonly ProjectionPoint[], atX: number): Decimal | null {
  if (!Number.isFinite(atX)) throw new RangeError(`atX must be a finite number, got ${atX}`);
  if (points.length === 0) return null;
  for (const p of points) {
    if (!Number.isFinite(p.x)) throw new RangeError(`x must be a finite number, got ${p.x}`);
    if (!Decimal.isDecimal(p.y) || !p.y.isFinite()) throw new RangeError('y must be a finite Decimal');
  }
  const n = points.length;
  const xs = points.map((p) => new D(p.x));
  const sumX = D.sum(...xs);
  const sumY = D.sum(...points.map((p) => p.y));
  const sumXY = D.sum(...points.map((p, i) => xs[i].times(p.y)));
  const sumXX = D.sum(...xs.map((x) => x.times(x)));
  // slope = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²); the denominator is 0 only when all x are equal.
  const slopeNumerator = sumXY.times(n).minus(sumX.times(sumY));
  const denominator = sumXX.times(n).minus(sumX.times(sumX));
  if (denominator.isZero()) return sumY.div(n);
  // ŷ = ȳ + slope·(atX − x̄), written over one common denominator so it is a single division.
  const numerator = sumY.times(denominator).plus(slopeNumerator.times(new D(atX).times(n).minus(sumX)));
  return numerator.div(denominator.times(n));
}

/**
 * At risk when the projected capaian, rounded as it is shown (2 decimals), is below 85 — so a
 * dashboard never shows "85.00" next to an at-risk flag. Not scored (null) is not at risk.
 */
export function isAtRisk(projectedCapaian: Decimal | null): boolean {
  if (projectedCapaian === null) return false;
  return new D(round2(projectedCapaian)).lt(AT_RISK_BELOW);
}
