import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadinessCheck } from '@sakip/observability';
import { createRedisClient } from '@sakip/persistence';
import type Redis from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from './gateway.config';

/** Shared Redis for rate-limit counters, caches and tickets; every key carries REDIS_PREFIX. */
@Injectable()
export class GatewayRedis implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'redis';
  readonly client: Redis;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.client = createRedisClient(config.REDIS_URL, config.REDIS_PREFIX);
  }

  async check() {
    await this.client.ping();
  }

  async onApplicationShutdown() {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
