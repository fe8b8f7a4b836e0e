import type { LoggerService } from '@nestjs/common';
import pino, { type Logger } from 'pino';
import { currentRequestContext } from './request-context';

export type { Logger } from 'pino';

/** JSON logs; each line carries the request id of the request or message being handled. */
export function createLogger(service: string, level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const ctx = currentRequestContext();
      return ctx ? { requestId: ctx.requestId, ...(ctx.userId ? { userId: ctx.userId } : {}) } : {};
    },
    // Database errors carry the statement's parameters (password hashes, key hashes, tokens): never log them.
    serializers: { err: serializeError },
    redact: {
      paths: ['password', '*.password', 'newPassword', '*.newPassword', 'refreshToken', '*.refreshToken', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}

/** pino's error serializer without the SQL and its parameters that TypeORM/pg attach to errors. */
export function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (out && typeof out === 'object') {
    for (const field of ['parameters', 'query', 'driverError', 'detail', 'where']) delete out[field];
  }
  return out;
}

/** Lets Nest's own messages (boot, routes) go through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
