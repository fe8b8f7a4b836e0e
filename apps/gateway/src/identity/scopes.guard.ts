import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, type ApiKeyScope } from '@sakip/contracts';
import type { AuthedRequest } from '../http/request';

export const SCOPES_KEY = 'sakip:scopes';

/** What an API key needs to call the route (`@Scopes()`: any key); routes without it are closed to API keys. */
export const Scopes = (...scopes: ApiKeyScope[]) => SetMetadata(SCOPES_KEY, scopes);

/** A key acts as its creator's role narrowed to its scopes: a missing scope → 403. Users pass. */
@Injectable()
export class ScopesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const scopes = ctx.switchToHttp().getRequest<AuthedRequest>().user?.scopes;
    if (!scopes) return true;
    const required = this.reflector.getAllAndOverride<ApiKeyScope[] | undefined>(SCOPES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!required) throw new DomainError(ErrorCode.Forbidden, 'This route is not available to API keys');
    const missing = required.filter((s) => !scopes.includes(s));
    if (missing.length) throw new DomainError(ErrorCode.Forbidden, `API key lacks scope ${missing.join(', ')}`, missing.map((s) => ({ field: 'scopes', message: `missing ${s}` })));
    return true;
  }
}
