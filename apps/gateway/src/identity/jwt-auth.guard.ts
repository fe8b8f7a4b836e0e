import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { PUBLIC_KEY } from '@sakip/security';

/** Every route needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(ctx: ExecutionContext) {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [ctx.getHandler(), ctx.getClass()])) return true;
    return super.canActivate(ctx);
  }

  override handleRequest<T = CallerIdentity>(err: unknown, user: T | false, info: unknown): T {
    if (user) return user;
    if (err instanceof DomainError) throw err;
    const noToken = info instanceof Error && /No auth token/i.test(info.message);
    throw new DomainError(ErrorCode.Unauthenticated, noToken ? 'Authentication required' : 'Invalid or expired access token');
  }
}
