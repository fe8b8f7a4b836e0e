import { createServiceDataSource } from '@sakip/persistence';
import type { DataSource } from 'typeorm';
import type { CoreConfig } from '../core.config';
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
