import 'reflect-metadata';
import { installGracefulShutdown } from '@sakip/messaging';
import { LOGGER, type Logger } from '@sakip/observability';
import { createGatewayApp } from './gateway-app';
import { loadGatewayConfig } from './gateway.config';

async function main() {
  // The gateway owns no database: `migrate` (the images' shared migration entrypoint) has nothing to do.
  if (process.argv[2] === 'migrate') {
    console.log(JSON.stringify({ service: 'gateway', migrationsApplied: [] }));
    return;
  }
  const config = loadGatewayConfig();
  const app = await createGatewayApp(config);
  const logger = app.get<Logger>(LOGGER);
  installGracefulShutdown(app, config.SHUTDOWN_DRAIN_MS, logger);
  logger.info({ url: `http://localhost:${config.PORT}` }, 'gateway ready');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
