import { backoffMs, Wakeup } from './backoff';

describe('backoffMs', () => {
  it('doubles from the base per attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, 1000, 10_000))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('treats attempt 0 or less as the first, and survives huge attempt counts', () => {
    expect(backoffMs(0, 500, 60_000)).toBe(500);
    expect(backoffMs(10_000, 500, 60_000)).toBe(60_000);
  });
});

describe('Wakeup', () => {
  it('sleeps the full time when nobody wakes it', async () => {
    const started = Date.now();
    await new Wakeup().sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('returns early when woken', async () => {
    const w = new Wakeup();
    const started = Date.now();
    setTimeout(() => w.wake(), 5);
    await w.sleep(5000);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('keeps a wake that came before the sleep, once', async () => {
    const w = new Wakeup();
    w.wake();
    const started = Date.now();
    await w.sleep(5000);
    expect(Date.now() - started).toBeLessThan(100);
    const second = Date.now();
    await w.sleep(30);
    expect(Date.now() - second).toBeGreaterThanOrEqual(25);
  });
});
