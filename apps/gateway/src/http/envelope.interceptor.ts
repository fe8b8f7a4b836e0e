import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
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
    return next.handle().pipe(
      map((data) => {
        if (noContent) return undefined;
        if (data instanceof Paged) return { ok: true, data: data.items, meta: data.meta };
        return { ok: true, data: data ?? null };
      }),
    );
  }
}
