import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, type CallerIdentity, type Role } from '@sakip/contracts';
import { ROLES_KEY } from './roles.decorator';

/** HTTP role gate: runs after authentication, refuses with 403 before any downstream call. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!roles?.length) return true;
    const user = ctx.switchToHttp().getRequest<{ user?: CallerIdentity }>().user;
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'Authentication required');
    if (!roles.includes(user.role)) throw new DomainError(ErrorCode.Forbidden, 'You are not allowed to do this');
    return true;
  }
}
