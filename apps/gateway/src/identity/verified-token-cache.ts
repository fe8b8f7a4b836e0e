import type { CallerIdentity } from '@sakip/contracts';

const MAX_ENTRIES = 20_000;

/**
 * Access tokens already verified, until their `exp` (ARCHITECTURE.md: keep per-request work lean).
 * Only tokens that passed full verification enter; revocation is still checked on every request.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { identity: CallerIdentity; expMs: number }>();

  get(token: string, now = Date.now()): CallerIdentity | undefined {
    const hit = this.entries.get(token);
    if (!hit) return undefined;
    if (hit.expMs <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return hit.identity;
  }

  set(token: string, identity: CallerIdentity): void {
    const expMs = expiryOf(token);
    if (!expMs || expMs <= Date.now()) return;
    // Oldest insertion first out: a Map keeps insertion order.
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, { identity, expMs });
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
