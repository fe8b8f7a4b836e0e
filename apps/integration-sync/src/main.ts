import 'reflect-metadata';
import { createServiceApp, installGracefulShutdown } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { runMigrations } from '@sakip/persistence';
import { IntegrationAppModule } from './app.module';
import { createIntegrationDataSource } from './database/integration-data-source';
import { loadIntegrationConfig } from './integration.config';

async function main() {
  const config = loadIntegrationConfig();
  // `node main.js migrate` is the container's migration entrypoint (k8s Job / compose one-shot).
  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(createIntegrationDataSource(config));
    console.log(JSON.stringify({ service: 'integration-sync', migrationsApplied: applied }));
    return;
  }
  const app = await createServiceApp(IntegrationAppModule.forRoot(config), { service: 'integration-sync', httpPort: config.HTTP_PORT, natsPrefix: config.NATS_PREFIX });
  const logger = app.get<Logger>(LOGGER);
  installGracefulShutdown(app, config.SHUTDOWN_DRAIN_MS, logger);
  logger.info({ port: config.HTTP_PORT }, 'integration-sync ready');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
