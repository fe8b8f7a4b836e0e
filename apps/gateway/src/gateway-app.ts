import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import websocket from '@fastify/websocket';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createValidationPipe, DomainError, ErrorCode, FILE_MAX_UPLOAD_BYTES } from '@sakip/contracts';
import { LOGGER, Metrics, PinoNestLogger, type Logger } from '@sakip/observability';
import { GatewayAppModule } from './app.module';
import { setupOpenApi } from './docs/openapi';
import type { GatewayConfig } from './gateway.config';
import { API_PREFIX } from './http/api-prefix';
import { requestIdFrom, type AuthedRequest } from './http/request';

export { API_PREFIX };

/** Builds and starts the gateway; main.ts and the e2e tests boot it the same way. */
export async function createGatewayApp(config: GatewayConfig, port = config.PORT): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.GATEWAY_BODY_LIMIT_BYTES,
    // X-Forwarded-For is believed only from the listed proxies (API.md "Rate limits").
    trustProxy: config.trustedProxies.length ? config.trustedProxies : false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => requestIdFrom(req.headers['x-request-id']),
    logger: false,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayAppModule.forRoot(config), adapter, { bufferLogs: true, abortOnError: false });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new PinoNestLogger(logger));
  app.useGlobalPipes(createValidationPipe());
  await app.register(helmet, {
    // JSON API plus the Swagger UI page, which needs its own inline script and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        frameAncestors: ["'none'"],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
  // POST /files streams its one `file` part on to the file service. One byte over the limit is let
  // through, so the file service itself refuses it (413) with nothing stored.
  await app.register(multipart, { limits: { fileSize: FILE_MAX_UPLOAD_BYTES + 1, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 50 } });
  // Live push (WebSocket /api/v1/ws): clients only answer pings, so inbound frames stay tiny.
  await app.register(websocket, { options: { maxPayload: 4096 } });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: true, exposedHeaders: ['X-Request-Id', 'ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Idempotent-Replayed'] });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
      { path: '.well-known/jwks.json', method: RequestMethod.GET },
    ],
  });
  instrument(app, logger);
  setupOpenApi(app);
  await app.listen(port, config.HOST);
  return app;
}

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || containsNul(v, depth + 1));
}

/** X-Request-Id on every response, one log line and one histogram sample per request. */
function instrument(app: NestFastifyApplication, logger: Logger) {
  const fastify = app.getHttpAdapter().getInstance();
  // JSON in and out (API.md): without Fastify's text/plain parser other types get 415.
  fastify.removeContentTypeParser('text/plain');
  const metrics = app.get(Metrics);
  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', String(req.id));
  });
  fastify.addHook('preValidation', async (req) => {
    // Multipart is parsed for uploads only: elsewhere it is an unsupported media type, as before.
    const config = req.routeOptions?.config as { multipart?: boolean } | undefined;
    if (req.isMultipart() && !config?.multipart) throw new DomainError(ErrorCode.UnsupportedMediaType, 'This route takes application/json', []);
    // PostgreSQL text cannot hold NUL: refuse it here as bad input rather than fail later as a 500.
    if (containsNul(req.body) || containsNul(req.query)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Text must not contain NUL (\\u0000) characters', [{ message: 'NUL character in request' }]);
    }
  });
  fastify.addHook('onResponse', async (req: AuthedRequest, reply) => {
    const route = req.routeOptions?.url ?? 'unmatched';
    const seconds = reply.elapsedTime / 1000;
    metrics.httpDuration.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    logger.info(
      { requestId: req.id, userId: req.user?.sub, method: req.method, route, status: reply.statusCode, durationMs: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
  });
}
