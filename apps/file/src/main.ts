import 'reflect-metadata';
import { createServiceApp, installGracefulShutdown } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { runMigrations } from '@sakip/persistence';
import { FileAppModule } from './app.module';
import { createFileDataSource } from './database/file-data-source';
import { loadFileConfig } from './file.config';

async function main() {
  const config = loadFileConfig();
  // `node main.js migrate` is the container's migration entrypoint (k8s Job / compose one-shot).
  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(createFileDataSource(config));
    console.log(JSON.stringify({ service: 'file', migrationsApplied: applied }));
    return;
  }
  const app = await createServiceApp(FileAppModule.forRoot(config), { service: 'file', httpPort: config.HTTP_PORT, natsPrefix: config.NATS_PREFIX });
  const logger = app.get<Logger>(LOGGER);
  installGracefulShutdown(app, config.SHUTDOWN_DRAIN_MS, logger);
  logger.info({ port: config.HTTP_PORT, storage: config.FILE_STORAGE }, 'file ready');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
