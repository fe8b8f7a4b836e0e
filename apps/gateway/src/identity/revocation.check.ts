import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { revocationKeys } from '@sakip/security';
import { GatewayRedis } from '../redis.provider';

/**
 * Refuses a deactivated user's still-valid tokens and a revoked key at once (entries written by
 * auth). One MGET per authenticated request; if Redis is unreachable the request proceeds —
 * the database-side revocation still holds and tokens expire within 15 minutes.
 */
@Injectable()
export class RevocationCheck {
  constructor(private readonly redis: GatewayRedis) {}

  async assertNotRevoked(identity: CallerIdentity): Promise<void> {
    const keys = [revocationKeys.user(identity.sub)];
    if (identity.actor.startsWith('apikey:')) keys.push(revocationKeys.apiKey(identity.actor.slice(7)));
    if (identity.sessionId) keys.push(revocationKeys.session(identity.sessionId));
    let flags: Array<string | null>;
    try {
      flags = await this.redis.client.mget(...keys);
    } catch {
      return;
    }
    if (flags.some((f) => f !== null)) throw new DomainError(ErrorCode.Unauthenticated, 'Access has been revoked');
  }
}
