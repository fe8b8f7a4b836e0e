import { Injectable } from '@nestjs/common';
import { AUTH_SUBJECTS, type CallerIdentity } from '@sakip/contracts';
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

  constructor(private readonly rpc: RpcClient) {}

  async authenticate(key: string, requestId: string): Promise<CallerIdentity> {
    const digest = createHash('sha256').update(key).digest('base64url');
    const hit = this.cache.get(digest);
    const now = Date.now();
    if (hit && hit.until > now) return hit.identity;
    const identity = await this.rpc.request<Verified>(AUTH_SUBJECTS.apiKeyVerify, { key }, { requestId });
    const keyExpiry = identity.expiresAt ? Date.parse(identity.expiresAt) : Infinity;
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(digest, { identity, until: Math.min(now + CACHE_MS, keyExpiry) });
    return identity;
  }
}
