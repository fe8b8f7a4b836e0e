import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { LOGGER, Lifecycle, Metrics, PinoNestLogger, type Logger } from '@sakip/observability';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION } from './nats-connection';
import { NatsRpcServer } from './rpc-server';

export interface ServiceAppOptions {
  /** Queue group and log name: the service's own name. */
  service: string;
  /** HTTP port for /health and /metrics (0 = any free port, for tests). */
  httpPort: number;
  host?: string;
  natsPrefix: string;
}

/**
 * Boots a NATS-facing service: a small Fastify server for probes and metrics plus the RPC
 * transport. Used by every service's main.ts and by the in-process test harness alike.
 */
export async function createServiceApp(module: Type<unknown> | DynamicModule, o: ServiceAppOptions): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { bufferLogs: true, abortOnError: false });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.connectMicroservice(
    {
      strategy: new NatsRpcServer({
        connection: app.get<NatsConnection>(NATS_CONNECTION),
        queue: o.service,
        prefix: o.natsPrefix,
        logger,
        metrics: app.get(Metrics),
      }),
    },
    { inheritAppConfig: false },
  );
  await app.startAllMicroservices();
  await app.listen(o.httpPort, o.host ?? '0.0.0.0');
  return app;
}

/**
 * SIGTERM/SIGINT: readiness turns 503, wait for the probe period so traffic moves away, then close
 * (HTTP finishes in-flight requests, the RPC server finishes in-flight messages, NATS drains, DB closes).
 */
export function installGracefulShutdown(app: INestApplication, drainMs: number, logger: Logger): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal, drainMs }, 'shutting down');
    app.get(Lifecycle).shuttingDown = true;
    await new Promise((r) => setTimeout(r, drainMs));
    const hardStop = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, 30_000);
    hardStop.unref();
    try {
      await app.close();
      logger.info('shutdown complete');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
