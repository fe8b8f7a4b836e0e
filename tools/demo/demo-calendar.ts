import { lastMonthOf, type Period } from '../../apps/core-performance/src/periods/period-calendar';

/** Times of the demo, in the Pemda's zone (WIB, UTC+7), as epoch milliseconds. */
const WIB_OFFSET_MS = 7 * 3600_000;
export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** A wall-clock time in WIB (month 1–12). */
export function wib(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - WIB_OFFSET_MS;
}

/** The instant a period is over: midnight WIB starting the month after its last month. */
export function periodEnd(year: number, period: Period): number {
  return wib(year, lastMonthOf(period) + 1, 1);
}

/**
 * The input deadline the demo's super admin set for a period: the 10th of the next month for
 * months, the 15th for quarters, the 20th for semesters, January 31 for the year; 23:59:59 WIB.
 */
export function inputDeadline(year: number, period: Period): number {
  if (period === 'Y') return wib(year + 1, 1, 31, 23, 59, 59);
  const day = period.startsWith('M') ? 10 : period.startsWith('Q') ? 15 : 20;
  return wib(year, lastMonthOf(period) + 1, day, 23, 59, 59);
}

/** When the demo's year was locked (Y): mid-February of the next year, 10:00 WIB. */
export function yearLockTime(year: number): number {
  return wib(year + 1, 2, 14, 10);
}

/** A time of day inside office hours (08:00–16:00 WIB) on the day containing `t`. */
export function officeHour(t: number, fraction: number): number {
  const dayStart = Math.floor((t + WIB_OFFSET_MS) / DAY) * DAY - WIB_OFFSET_MS;
  return dayStart + 8 * HOUR + Math.floor(fraction * 8 * HOUR);
}

export function iso(t: number): string {
  return new Date(t).toISOString();
}

/** The WIB calendar date of `t`, YYYY-MM-DD. */
export function wibDate(t: number): string {
  return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` as the start of that day in WIB (the demo's "now": nothing happens later). */
export function parseAsOf(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new RangeError(`the as-of date must be YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return wib(Number(m[1]), Number(m[2]), Number(m[3]));
}
