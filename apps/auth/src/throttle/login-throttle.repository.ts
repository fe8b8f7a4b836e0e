import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ThrottlePolicy {
  maxFailures: number;
  windowSec: number;
  baseLockSec: number;
  maxLockSec: number;
}

@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly ds: DataSource) {}

  /** Seconds until the longest lock among `keys` ends, or 0. */
  async lockedFor(keys: string[]): Promise<number> {
    const rows: Array<{ secs: string | null }> = await this.ds.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::text AS secs
         FROM auth.login_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    return Number(rows[0]?.secs ?? 0);
  }

  /**
   * Counts one failure atomically. Reaching the limit inside the window locks the key for
   * base × 2^(earlier lockouts), capped, and starts a new count.
   */
  async recordFailure(key: string, p: ThrottlePolicy): Promise<void> {
    await this.ds.query(
      `INSERT INTO auth.login_throttle AS t (key, failures, window_started_at, updated_at)
            VALUES ($1, 1, now(), now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at < now() - make_interval(secs => $2) THEN now() ELSE t.window_started_at END,
         updated_at = now()`,
      [key, p.windowSec],
    );
    await this.ds.query(
      `UPDATE auth.login_throttle
          SET locked_until = now() + make_interval(secs => least($3::float8, $2::float8 * power(2, lockouts))),
              lockouts = lockouts + 1, failures = 0, window_started_at = now()
        WHERE key = $1 AND failures >= $4`,
      [key, p.baseLockSec, p.maxLockSec, p.maxFailures],
    );
  }

  /** A successful login clears the account's counters (the IP's keep counting other accounts). */
  async clear(key: string): Promise<void> {
    await this.ds.query(`DELETE FROM auth.login_throttle WHERE key = $1`, [key]);
  }
}
