import { Inject, Injectable } from '@nestjs/common';
import { rateLimited } from '@sakip/contracts';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';
import { LoginThrottleRepository, type ThrottlePolicy } from './login-throttle.repository';

export const TOO_MANY_ATTEMPTS = 'Too many failed sign-in attempts; try again later';

/**
 * Lockout with back-off (API.md "Auth"): per account — keyed by the e-mail as typed, so unknown
 * accounts behave exactly like real ones — and per client IP.
 */
@Injectable()
export class LoginThrottle {
  private readonly account: ThrottlePolicy;
  private readonly ip: ThrottlePolicy;

  constructor(
    private readonly repo: LoginThrottleRepository,
    @Inject(AUTH_CONFIG) c: AuthConfig,
  ) {
    const common = { windowSec: c.AUTH_LOCKOUT_WINDOW_SEC, baseLockSec: c.AUTH_LOCKOUT_BASE_SEC, maxLockSec: c.AUTH_LOCKOUT_MAX_SEC };
    this.account = { ...common, maxFailures: c.AUTH_LOCKOUT_ACCOUNT_MAX };
    this.ip = { ...common, maxFailures: c.AUTH_LOCKOUT_IP_MAX };
  }

  /** Throws RATE_LIMITED with Retry-After while the account or the IP is locked. */
  async assertAllowed(email: string, ip?: string): Promise<void> {
    const secs = await this.repo.lockedFor(this.keys(email, ip));
    if (secs > 0) throw rateLimited(TOO_MANY_ATTEMPTS, secs);
  }

  async failed(email: string, ip?: string): Promise<void> {
    await this.repo.recordFailure(accountKey(email), this.account);
    if (ip) await this.repo.recordFailure(`ip:${ip}`, this.ip);
  }

  async succeeded(email: string): Promise<void> {
    await this.repo.clear(accountKey(email));
  }

  private keys(email: string, ip?: string): string[] {
    return ip ? [accountKey(email), `ip:${ip}`] : [accountKey(email)];
  }
}

const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
