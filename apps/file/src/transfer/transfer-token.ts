import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What a transfer token grants: exactly one upload (of a new file id, for that owner and OPD) or
 * one file's download, to the identity that asked, until `exp` (epoch seconds).
 */
export type TransferGrant =
  | { purpose: 'upload'; fileId: string; sub: string; actor: string; ip: string | null; opdId: string | null; name: string; exp: number }
  | { purpose: 'download'; fileId: string; sub: string; actor: string; ip: string | null; exp: number };

/** Why a token was refused (all answer 401 to the caller; the reason goes to the log). */
export type TokenRefusal = 'malformed' | 'bad-signature' | 'expired' | 'wrong-purpose';

export type VerifyResult<P extends TransferGrant['purpose']> = { ok: true; grant: Extract<TransferGrant, { purpose: P }> } | { ok: false; reason: TokenRefusal };

const TOKEN = /^[A-Za-z0-9_-]{10,4096}\.[A-Za-z0-9_-]{43}$/;

/** HMAC-SHA256-signed, URL-safe `<payload>.<mac>`; the payload names its purpose so a download token never uploads. */
export class TransferTokens {
  constructor(
    private readonly secret: string,
    private readonly now: () => number = Date.now,
  ) {}

  sign(grant: TransferGrant): string {
    const payload = Buffer.from(JSON.stringify(grant), 'utf8').toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  verify<P extends TransferGrant['purpose']>(token: string, purpose: P): VerifyResult<P> {
    if (!TOKEN.test(token)) return { ok: false, reason: 'malformed' };
    const [payload, mac] = token.split('.') as [string, string];
    const expected = Buffer.from(this.mac(payload), 'utf8');
    const given = Buffer.from(mac, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad-signature' };
    let grant: TransferGrant;
    try {
      grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TransferGrant;
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    if (grant.purpose !== purpose) return { ok: false, reason: 'wrong-purpose' };
    if (typeof grant.exp !== 'number' || grant.exp * 1000 <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, grant: grant as Extract<TransferGrant, { purpose: P }> };
  }

  /** Expiry (epoch seconds) of a token issued now for `ttlSec`. */
  expiryIn(ttlSec: number): number {
    return Math.floor(this.now() / 1000) + ttlSec;
  }

  private mac(payload: string): string {
    // Domain-separated so the key could never validate anything but these tokens.
    return createHmac('sha256', this.secret).update('sakip.file.transfer.v1\n').update(payload).digest('base64url');
  }
}
