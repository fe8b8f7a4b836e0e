import { cronOf, nextRunAt } from './schedule';

describe('schedules', () => {
  const at = new Date('2026-11-24T10:15:00.000Z'); // 17:15 WIB, a Tuesday

  it('runs hourly on the hour, daily at 02:00 and weekly on Monday 02:00 Pemda time', () => {
    expect(nextRunAt('hourly', 'Asia/Jakarta', at)?.toISOString()).toBe('2026-11-24T11:00:00.000Z');
    expect(nextRunAt('daily', 'Asia/Jakarta', at)?.toISOString()).toBe('2026-11-24T19:00:00.000Z');
    expect(nextRunAt('weekly', 'Asia/Jakarta', at)?.toISOString()).toBe('2026-11-29T19:00:00.000Z');
    expect(nextRunAt('manual', 'Asia/Jakarta', at)).toBeNull();
  });

  it('reads cron in the Pemda time zone (WITA is UTC+8)', () => {
    expect(nextRunAt('30 6 * * *', 'Asia/Makassar', at)?.toISOString()).toBe('2026-11-24T22:30:00.000Z');
    expect(nextRunAt('0 0 1 * *', 'Asia/Jakarta', at)?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('throws on an invalid expression', () => {
    expect(() => cronOf('61 * * * *')).toThrow();
    expect(() => cronOf('* * * * * * *')).toThrow();
    expect(cronOf('*/15 8-17 * * 1-5')).toBe('*/15 8-17 * * 1-5');
  });
});
