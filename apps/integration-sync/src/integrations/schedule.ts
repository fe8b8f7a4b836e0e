import { CronExpressionParser } from 'cron-parser';

/** The named frequencies as cron (Pemda time): hourly on the hour, daily 02:00, weekly Monday 02:00 — off-peak for the national APIs. */
const NAMED: Record<string, string | null> = {
  manual: null,
  hourly: '0 * * * *',
  daily: '0 2 * * *',
  weekly: '0 2 * * 1',
};

/** The cron a frequency stands for (null: manual only); throws on an invalid expression. */
export function cronOf(frequency: string): string | null {
  if (frequency in NAMED) return NAMED[frequency] ?? null;
  // Parsing validates it (fields in range, names known).
  CronExpressionParser.parse(frequency, { tz: 'UTC' });
  return frequency;
}

/** The next run strictly after `after`, in the Pemda's time zone; null for manual. */
export function nextRunAt(frequency: string, timeZone: string, after: Date): Date | null {
  const cron = cronOf(frequency);
  if (!cron) return null;
  return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: after }).next().toDate();
}
