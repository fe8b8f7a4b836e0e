import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadinessCheck } from '@sakip/observability';
import Redis from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';

/** Shared Redis for rate-limit counters, caches and tickets; every key carries REDIS_PREFIX. */
@Injectable()
export class GatewayRedis implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'redis';
  readonly client: Redis;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.client = new Redis(config.REDIS_URL, { keyPrefix: config.REDIS_PREFIX, lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    this.client.on('error', () => undefined); // surfaced through readiness, not as crashes
  }

  async check() {
    await this.client.ping();
  }

  async onApplicationShutdown() {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
