import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger, type ReadinessCheck } from '@sakip/observability';
import { createRedisClient } from '@sakip/persistence';
import { revocationKeys } from '@sakip/security';
import type Redis from 'ioredis';
import { AUTH_CONFIG, type AuthConfig } from '../auth.config';

/** How long a revoked API key stays flagged: well past the gateway's verification cache. */
const API_KEY_FLAG_SEC = 3600;

/**
 * Tells the gateway to refuse credentials now. Written after the database commit; if Redis is
 * down the revocation still holds in the database and signed tokens die at expiry (≤ 15 min).
 */
@Injectable()
export class Revocations implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'redis';
  private readonly redis: Redis;

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.redis = createRedisClient(config.REDIS_URL, config.REDIS_PREFIX);
  }

  async revokeUser(userId: string): Promise<void> {
    // Until every token issued before now has expired.
    await this.set(revocationKeys.user(userId), this.config.AUTH_ACCESS_TOKEN_TTL_SEC + 60);
  }

  async revokeSessions(sessionIds: string[]): Promise<void> {
    for (const sid of sessionIds) await this.set(revocationKeys.session(sid), this.config.AUTH_ACCESS_TOKEN_TTL_SEC + 60);
  }

  async revokeApiKey(keyId: string): Promise<void> {
    await this.set(revocationKeys.apiKey(keyId), API_KEY_FLAG_SEC);
  }

  async check() {
    await this.redis.ping();
  }

  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async set(key: string, ttlSec: number) {
    try {
      await this.redis.set(key, '1', 'EX', ttlSec);
    } catch (err) {
      this.logger.error({ err: (err as Error).message, key }, 'could not write revocation entry; tokens expire on their own');
    }
  }
}
