import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { PUBLIC_KEY } from '@sakip/security';

export const OPTIONAL_AUTH_KEY = 'sakip:optional-auth';
/** A token is verified when sent, but not required. */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH_KEY, true);

/** Every route needs a valid access token unless marked @Public() or @OptionalAuth(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    // Optional: anonymous callers pass (the route then needs another proof, e.g. an mfaToken).
    if (this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets) && !ctx.switchToHttp().getRequest<FastifyRequest>().headers.authorization) return true;
    return super.canActivate(ctx);
  }

  override handleRequest<T = CallerIdentity>(err: unknown, user: T | false, info: unknown): T {
    if (user) return user;
    if (err instanceof DomainError) throw err;
    const noToken = info instanceof Error && /No auth token/i.test(info.message);
    throw new DomainError(ErrorCode.Unauthenticated, noToken ? 'Authentication required' : 'Invalid or expired access token');
  }
}
