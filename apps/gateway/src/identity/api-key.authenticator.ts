import { Injectable } from '@nestjs/common';
import { AUTH_SUBJECTS, DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { createHash } from 'node:crypto';
import { ExpiringMap } from './expiring-map';

/** Verified keys are remembered this long; revocation reaches the gateway at once through Redis anyway. */
const CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

type Verified = CallerIdentity & { expiresAt: string | null };

/** `Authorization: ApiKey <key>` → the identity the key acts as, asked of auth and cached briefly. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly verified = new ExpiringMap<Verified>(MAX_ENTRIES);
  /** Keys auth refused, remembered briefly so repeated bad keys do not each cost an RPC and a lookup. */
  private readonly refused = new ExpiringMap<true>(MAX_ENTRIES);

  constructor(private readonly rpc: RpcClient) {}

  async authenticate(key: string, requestId: string): Promise<CallerIdentity> {
    const digest = createHash('sha256').update(key).digest('base64url');
    const now = Date.now();
    const hit = this.verified.get(digest, now);
    if (hit) return hit;
    if (this.refused.get(digest, now)) throw new DomainError(ErrorCode.Unauthenticated, 'Invalid API key');
    let identity: Verified;
    try {
      identity = await this.rpc.request<Verified>(AUTH_SUBJECTS.apiKeyVerify, { key }, { requestId });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.Unauthenticated) this.refused.set(digest, true, now + CACHE_MS);
      throw err;
    }
    const keyExpiry = identity.expiresAt ? Date.parse(identity.expiresAt) : Infinity;
    this.verified.set(digest, identity, Math.min(now + CACHE_MS, keyExpiry));
    return identity;
  }
}
