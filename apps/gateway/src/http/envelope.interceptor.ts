import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { etagFor } from '@sakip/contracts';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { NO_CONTENT, RAW_RESPONSE } from './decorators';
import { Paged } from './paged';

/** Wraps every successful answer in `{ok: true, data}` (and `meta` for lists), API.md "Envelope". */
@Injectable()
export class EnvelopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(RAW_RESPONSE, targets)) return next.handle();
    const noContent = this.reflector.getAllAndOverride<boolean>(NO_CONTENT, targets);
    const reply = ctx.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((data) => {
        if (noContent) return undefined;
        if (data instanceof Paged) return { ok: true, data: data.items, meta: data.meta };
        // A single versioned resource carries its ETag, for If-Match on the next write.
        const version = (data as { version?: unknown } | null)?.version;
        if (typeof version === 'number') reply.header('ETag', etagFor(version));
        return { ok: true, data: data ?? null };
      }),
    );
  }
}
