/** Exponential back-off: base, 2·base, 4·base … capped at max. `attempt` counts from 1. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  return Math.min(baseMs * 2 ** exponent, maxMs);
}

/** A sleep another party can cut short (a kick, a stop). A wake before the sleep is not lost. */
export class Wakeup {
  private pending = false;
  private resolve?: () => void;

  wake(): void {
    this.pending = true;
    this.resolve?.();
  }

  sleep(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.resolve = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.resolve = done;
    });
  }
}

/**
 * Back-off with "equal jitter": half the exponential delay fixed, half random, so many clients
 * retrying one upstream spread out instead of hammering it in step.
 */
export function jitteredBackoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const full = backoffMs(attempt, baseMs, maxMs);
  return Math.round(full / 2 + random() * (full / 2));
}
