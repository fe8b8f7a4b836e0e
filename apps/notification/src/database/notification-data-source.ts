import { createServiceDataSource } from '@sakip/persistence';
import type { DataSource } from 'typeorm';
import type { NotificationConfig } from '../notification.config';
import { NOTIFICATION_MIGRATIONS, NOTIFICATION_SCHEMA } from '../migrations';

/** The notification service speaks SQL through the DataSource; no entities are registered. */
export function createNotificationDataSource(config: NotificationConfig): DataSource {
  return createServiceDataSource({
    url: config.databaseUrl,
    schema: NOTIFICATION_SCHEMA,
    entities: [],
    migrations: NOTIFICATION_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'sakip-notification',
  });
}
