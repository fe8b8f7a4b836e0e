import 'reflect-metadata';
import { createServiceApp, installGracefulShutdown } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { runMigrations } from '@sakip/persistence';
import { NotificationAppModule } from './app.module';
import { createNotificationDataSource } from './database/notification-data-source';
import { loadNotificationConfig } from './notification.config';

async function main() {
  const config = loadNotificationConfig();
  // `node main.js migrate` is the container's migration entrypoint (k8s Job / compose one-shot).
  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(createNotificationDataSource(config));
    console.log(JSON.stringify({ service: 'notification', migrationsApplied: applied }));
    return;
  }
  const app = await createServiceApp(NotificationAppModule.forRoot(config), { service: 'notification', httpPort: config.HTTP_PORT, natsPrefix: config.NATS_PREFIX });
  const logger = app.get<Logger>(LOGGER);
  installGracefulShutdown(app, config.SHUTDOWN_DRAIN_MS, logger);
  logger.info({ port: config.HTTP_PORT }, 'notification ready');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
