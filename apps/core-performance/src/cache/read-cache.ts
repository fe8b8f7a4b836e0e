import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AUDIT_WRITTEN } from '@sakip/messaging';
import { LOGGER, type Logger, type ReadinessCheck } from '@sakip/observability';
import { createRedisClient } from '@sakip/persistence';
import { createHash } from 'node:crypto';
import { DataSource, type EntitySubscriberInterface } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../core.config';

/** The Redis key (under REDIS_PREFIX) of the cache generation; bumping it makes every entry stale. */
export const GENERATION_KEY = 'core:cache:gen';

/**
 * Redis cache of core's read models (dashboards, analytics, performance data) with versioned key
 * prefixes (ARCHITECTURE.md "Data": no `KEYS` scans). Every committed change to domain data writes
 * an audit row (AUDIT_WRITTEN on its transaction); the commit listener then bumps one generation
 * counter, so the next read after any write computes afresh. Invalidation happens after COMMIT:
 * a read racing a write can only store fresh data under the old generation, which nobody reads
 * again. Entries also expire (TTL) so a missed bump (Redis briefly down) is bounded in time.
 * Without Redis, reads are computed directly: slower, never wrong. Writes made outside the service
 * (raw SQL, the demo loader into a running stack) must call invalidate() or wait for the TTL.
 */
@Injectable()
export class ReadCache implements OnModuleInit, OnApplicationShutdown, ReadinessCheck {
  readonly name = 'redis';
  private readonly redis;
  private readonly listener: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      // Also fired when a savepoint is released: only the outermost commit makes rows visible.
      if (queryRunner.data?.[AUDIT_WRITTEN] && !queryRunner.isTransactionActive) {
        delete queryRunner.data[AUDIT_WRITTEN];
        // Returned, so TypeORM's commit waits for it: once the write is answered, a read on any
        // replica sees the new generation. invalidate() never throws.
        return this.invalidate();
      }
      return undefined;
    },
    afterTransactionRollback: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive) delete queryRunner.data?.[AUDIT_WRITTEN];
    },
  };

  constructor(
    @Inject(CORE_CONFIG) config: CoreConfig,
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.redis = createRedisClient(config.REDIS_URL, config.REDIS_PREFIX);
    this.ttlSec = config.CORE_CACHE_TTL_SEC;
  }

  private readonly ttlSec: number;

  onModuleInit(): void {
    this.ds.subscribers.push(this.listener);
  }

  async onApplicationShutdown(): Promise<void> {
    const i = this.ds.subscribers.indexOf(this.listener);
    if (i >= 0) this.ds.subscribers.splice(i, 1);
    this.redis.disconnect();
  }

  async check(): Promise<void> {
    await this.redis.ping();
  }

  /** Makes every cached answer stale (called after each committed change). */
  async invalidate(): Promise<void> {
    try {
      await this.redis.incr(GENERATION_KEY);
    } catch (err) {
      this.logger.warn({ err }, 'read cache invalidation failed; entries expire by TTL');
    }
  }

  /**
   * The cached answer of `name` for `params`, or `compute()` stored for the next reader.
   * `params` MUST hold everything the answer depends on, including the caller's OPD scope.
   */
  async getOrCompute<T>(name: string, params: unknown, compute: () => Promise<T>): Promise<T> {
    let key: string;
    try {
      const generation = (await this.redis.get(GENERATION_KEY)) ?? '0';
      key = `core:cache:${generation}:${name}:${createHash('sha256').update(JSON.stringify(params)).digest('base64url')}`;
      const hit = await this.redis.get(key);
      if (hit !== null) return JSON.parse(hit) as T;
    } catch (err) {
      this.logger.warn({ err, name }, 'read cache unavailable; computing directly');
      return compute();
    }
    const value = await compute();
    this.redis.set(key, JSON.stringify(value), 'EX', this.ttlSec).catch((err: unknown) => this.logger.warn({ err, name }, 'read cache store failed'));
    return value;
  }
}
