import { createServiceDataSource } from '@sakip/persistence';
import type { DataSource } from 'typeorm';
import type { FileConfig } from '../file.config';
import { FILE_MIGRATIONS, FILE_SCHEMA } from '../migrations';

/** The file service speaks SQL through the DataSource; no entities are registered. */
export function createFileDataSource(config: FileConfig): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: FILE_SCHEMA,
    entities: [],
    migrations: FILE_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'sakip-file',
  });
}
