import { analyticsYears, yearsToRead } from './analytics-years';
import { pemdaYear } from './pemda-clock';

describe('analyticsYears', () => {
  it('defaults to the current year and the two before', () => {
    expect(analyticsYears(undefined, 2026)).toEqual([2024, 2025, 2026]);
    expect(analyticsYears([], 2026)).toEqual([2024, 2025, 2026]);
  });

  it('sorts and de-duplicates what was asked (one cache entry per set)', () => {
    expect(analyticsYears([2026, 2024, 2026], 2026)).toEqual([2024, 2026]);
  });

  it('reads the year before the first too (its growth), never before 2000', () => {
    expect(yearsToRead([2024, 2026])).toEqual([2023, 2024, 2026]);
    expect(yearsToRead([2000, 2001])).toEqual([2000, 2001]);
  });
});

describe('pemdaYear', () => {
  // 31 Dec 2025 17:30 UTC is already 1 Jan 2026 in WIB (UTC+7), WITA and WIT.
  const newYearsEve = new Date('2025-12-31T16:30:00Z');
  it.each([
    ['WIB', '2025-12-31T16:59:59Z', 2025],
    ['WIB', '2025-12-31T17:00:00Z', 2026],
    ['WITA', '2025-12-31T16:00:00Z', 2026],
    ['WIT', '2025-12-31T14:59:59Z', 2025],
    ['WIT', '2025-12-31T15:00:00Z', 2026],
  ] as const)('%s at %s → %d', (tz, at, year) => {
    expect(pemdaYear(new Date(at), tz)).toBe(year);
  });

  it('refuses an unknown zone', () => {
    expect(() => pemdaYear(newYearsEve, 'UTC' as never)).toThrow(RangeError);
  });
});
