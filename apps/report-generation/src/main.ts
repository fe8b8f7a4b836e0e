import 'reflect-metadata';
import { createServiceApp, installGracefulShutdown } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { runMigrations } from '@sakip/persistence';
import { ReportAppModule } from './app.module';
import { createReportDataSource } from './database/report-data-source';
import { loadReportConfig } from './report.config';

async function main() {
  const config = loadReportConfig();
  // `node main.js migrate` is the container's migration entrypoint (k8s Job / compose one-shot).
  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(createReportDataSource(config));
    console.log(JSON.stringify({ service: 'report-generation', migrationsApplied: applied }));
    return;
  }
  const app = await createServiceApp(ReportAppModule.forRoot(config), { service: 'report-generation', httpPort: config.HTTP_PORT, natsPrefix: config.NATS_PREFIX });
  const logger = app.get<Logger>(LOGGER);
  installGracefulShutdown(app, config.SHUTDOWN_DRAIN_MS, logger);
  logger.info({ port: config.HTTP_PORT }, 'report-generation ready');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
