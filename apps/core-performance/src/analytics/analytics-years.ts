/** Years shown by default: the current one and the two before (API.md `?years=`). */
export const DEFAULT_YEAR_SPAN = 3;

/**
 * The years an analytics answer covers, ascending and without duplicates (so `2026,2025` and
 * `2025,2026` share one cache entry); the DTO already bounded them (2000–2100, at most 10).
 */
export function analyticsYears(requested: readonly number[] | undefined, currentYear: number): number[] {
  const years = requested?.length ? requested : Array.from({ length: DEFAULT_YEAR_SPAN }, (_, i) => currentYear - DEFAULT_YEAR_SPAN + 1 + i);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** The years to read: the shown ones plus the year before the first (its growth needs it), never before 2000. */
export function yearsToRead(years: readonly number[]): number[] {
  const before = years[0] - 1;
  return before >= 2000 && !years.includes(before) ? [before, ...years] : [...years];
}
