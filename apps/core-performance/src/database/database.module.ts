import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ReadinessCheck } from '@sakip/observability';
import { createServiceDataSource } from '@sakip/persistence';
import { DataSource } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../core.config';
import { CORE_MIGRATIONS, CORE_SCHEMA } from '../migrations';

/** Core's repositories speak SQL (set-based reads and locked writes), so no entities are registered. */
export function createCoreDataSource(config: CoreConfig): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: CORE_SCHEMA,
    entities: [],
    migrations: CORE_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'sakip-core',
  });
}

@Injectable()
export class DatabaseReadiness implements ReadinessCheck, OnApplicationShutdown {
  readonly name = 'database';
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}
  check() {
    return this.ds.query('SELECT 1');
  }
  async onApplicationShutdown() {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [CORE_CONFIG],
      useFactory: (config: CoreConfig) => createCoreDataSource(config).initialize(),
    },
    DatabaseReadiness,
  ],
  exports: [DataSource, DatabaseReadiness],
})
export class DatabaseModule {}
