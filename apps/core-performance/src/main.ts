import 'reflect-metadata';
import { createServiceApp, installGracefulShutdown } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { runMigrations } from '@sakip/persistence';
import { CoreAppModule } from './app.module';
import { loadCoreConfig } from './core.config';
import { createCoreDataSource } from './database/database.module';

async function main() {
  const config = loadCoreConfig();
  // `node main.js migrate` is the container's migration entrypoint (k8s Job / compose one-shot).
  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(createCoreDataSource(config));
    console.log(JSON.stringify({ service: 'core-performance', migrationsApplied: applied }));
    return;
  }
  const app = await createServiceApp(CoreAppModule.forRoot(config), { service: 'core', httpPort: config.HTTP_PORT, natsPrefix: config.NATS_PREFIX });
  const logger = app.get<Logger>(LOGGER);
  installGracefulShutdown(app, config.SHUTDOWN_DRAIN_MS, logger);
  logger.info({ port: config.HTTP_PORT }, 'core-performance ready');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
