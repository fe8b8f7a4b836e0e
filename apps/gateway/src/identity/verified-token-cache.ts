import type { CallerIdentity } from '@sakip/contracts';
import { ExpiringMap } from './expiring-map';

/**
 * Access tokens already verified, until their `exp` (ARCHITECTURE.md: keep per-request work lean).
 * Only tokens that passed full verification enter; revocation is still checked on every request.
 */
export class VerifiedTokenCache {
  private readonly entries = new ExpiringMap<CallerIdentity>(20_000);

  get(token: string, now = Date.now()): CallerIdentity | undefined {
    return this.entries.get(token, now);
  }

  set(token: string, identity: CallerIdentity): void {
    const expMs = expiryOf(token);
    if (expMs && expMs > Date.now()) this.entries.set(token, identity, expMs);
  }
}

function expiryOf(token: string): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
