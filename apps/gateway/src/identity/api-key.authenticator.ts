import { Injectable } from '@nestjs/common';
import { AUTH_SUBJECTS, DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { createHash } from 'node:crypto';

/** Verified keys are remembered this long; revocation reaches the gateway at once through Redis anyway. */
const CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

type Verified = CallerIdentity & { expiresAt: string | null };

/** `Authorization: ApiKey <key>` → the identity the key acts as, asked of auth and cached briefly. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly cache = new Map<string, { identity: Verified; until: number }>();
  /** Keys auth refused, remembered briefly so repeated bad keys do not each cost an RPC and a lookup. */
  private readonly refused = new Map<string, number>();

  constructor(private readonly rpc: RpcClient) {}

  async authenticate(key: string, requestId: string): Promise<CallerIdentity> {
    const digest = createHash('sha256').update(key).digest('base64url');
    const hit = this.cache.get(digest);
    const now = Date.now();
    if (hit && hit.until > now) return hit.identity;
    if ((this.refused.get(digest) ?? 0) > now) throw new DomainError(ErrorCode.Unauthenticated, 'Invalid API key');
    let identity: Verified;
    try {
      identity = await this.rpc.request<Verified>(AUTH_SUBJECTS.apiKeyVerify, { key }, { requestId });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.Unauthenticated) {
        if (this.refused.size >= MAX_ENTRIES) this.refused.delete(this.refused.keys().next().value as string);
        this.refused.set(digest, now + CACHE_MS);
      }
      throw err;
    }
    const keyExpiry = identity.expiresAt ? Date.parse(identity.expiresAt) : Infinity;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(digest, { identity, until: Math.min(now + CACHE_MS, keyExpiry) });
    return identity;
  }
}
