import { createServiceDataSource } from '@sakip/persistence';
import type { DataSource } from 'typeorm';
import type { IntegrationConfig } from '../integration.config';
import { INTEGRATION_MIGRATIONS, INTEGRATION_SCHEMA } from '../migrations';

/** The integration-sync service speaks SQL through the DataSource; no entities are registered. */
export function createIntegrationDataSource(config: IntegrationConfig): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: INTEGRATION_SCHEMA,
    entities: [],
    migrations: INTEGRATION_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'sakip-integration-sync',
  });
}
