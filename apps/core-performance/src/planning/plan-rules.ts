import type { ErrorDetail } from '@sakip/contracts';

/** A Renstra/RPJMD spans five years: periodEnd = periodStart + 4 (DOMAIN.md "Planning tree"). */
export function planPeriodErrors(periodStart: number, periodEnd: number): ErrorDetail[] {
  return periodEnd === periodStart + 4 ? [] : [{ field: 'periodEnd', message: `periodEnd must be periodStart + 4 (a five-year plan): expected ${periodStart + 4}, got ${periodEnd}` }];
}

/** Two plan periods share at least one year. */
export function periodsOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Keeps the fields a client actually sent: DTO instances carry every optional field as undefined. */
export function sentFields<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
