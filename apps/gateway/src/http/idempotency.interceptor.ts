import { Inject, Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { conflict, DomainError, ErrorCode } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, tap, throwError, type Observable } from 'rxjs';
import { GatewayRedis } from '../redis.provider';
import type { AuthedRequest } from './request';

const TTL_SEC = 24 * 3600;
export const NO_IDEMPOTENCY = 'sakip:no-idempotency';

/**
 * Routes whose answers hold secrets (token pairs, API keys, TOTP secrets) or whose semantics forbid
 * a replay (refresh rotation): Idempotency-Key is ignored there and nothing is stored.
 */
export const NoIdempotency = () => SetMetadata(NO_IDEMPOTENCY, true);

/** Secret request fields never enter the fingerprint (it is kept in Redis for 24 h). */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword', 'refreshToken', 'mfaToken', 'code', 'key']);
const withoutSecrets = (body: unknown): unknown =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? createHash('sha256').update(`sakip-idem:${String(v)}`).digest('base64url') : v]))
    : body;
const KEY_FORMAT = /^[A-Za-z0-9_.:-]{1,200}$/;

interface Stored {
  state: 'pending' | 'done';
  fingerprint: string;
  status?: number;
  body?: unknown;
}

/**
 * `Idempotency-Key` on POST (API.md "Concurrency"): the first answer is kept 24 h and replayed
 * for the same key and body (`Idempotent-Replayed: true`); the same key with another body, or
 * while the first request is still running, is 409. A failed first attempt frees the key so the
 * client can retry. Keys are scoped to the caller, so two clients cannot collide.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly redis: GatewayRedis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const header = req.headers['idempotency-key'];
    if (req.method !== 'POST' || header === undefined) return next.handle();
    if (this.reflector.getAllAndOverride<boolean>(NO_IDEMPOTENCY, [ctx.getHandler(), ctx.getClass()])) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_FORMAT.test(key)) {
      return throwError(() => new DomainError(ErrorCode.ValidationFailed, 'Idempotency-Key must be 1–200 characters of A–Z a–z 0–9 _ . : -', [{ field: 'Idempotency-Key', message: 'malformed' }]));
    }
    const caller = req.user?.actor ?? `ip:${req.ip}`;
    const redisKey = `idem:${caller}:${req.routeOptions?.url ?? req.url}:${key}`;
    const fingerprint = createHash('sha256').update(JSON.stringify(withoutSecrets(req.body ?? null))).digest('base64url');
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();

    return from(this.claim(redisKey, fingerprint)).pipe(
      mergeMap((existing) => {
        if (existing === 'unavailable') return next.handle();
        if (existing) return this.replay(existing, fingerprint, reply);
        return next.handle().pipe(
          tap((body) => void this.save(redisKey, { state: 'done', fingerprint, status: reply.statusCode, body })),
          catchError((err) => {
            void this.redis.client.del(redisKey).catch(() => undefined);
            return throwError(() => err);
          }),
        );
      }),
    );
  }

  /** null when this request claimed the key; the stored record otherwise. */
  private async claim(redisKey: string, fingerprint: string): Promise<Stored | null | 'unavailable'> {
    try {
      const pending: Stored = { state: 'pending', fingerprint };
      const ok = await this.redis.client.set(redisKey, JSON.stringify(pending), 'EX', TTL_SEC, 'NX');
      if (ok) return null;
      const raw = await this.redis.client.get(redisKey);
      return raw ? (JSON.parse(raw) as Stored) : null;
    } catch (err) {
      // Without Redis the request still runs once; only replay protection is lost.
      this.logger.warn({ err: (err as Error).message }, 'idempotency store unavailable');
      return 'unavailable';
    }
  }

  private replay(stored: Stored, fingerprint: string, reply: FastifyReply): Observable<unknown> {
    if (stored.fingerprint !== fingerprint) return throwError(() => conflict('Idempotency-Key was already used with a different request body'));
    if (stored.state === 'pending') return throwError(() => conflict('A request with this Idempotency-Key is still being processed'));
    reply.status(stored.status ?? 200).header('Idempotent-Replayed', 'true');
    return of(stored.body);
  }

  private async save(redisKey: string, record: Stored) {
    await this.redis.client.set(redisKey, JSON.stringify(record), 'EX', TTL_SEC).catch(() => undefined);
  }
}
