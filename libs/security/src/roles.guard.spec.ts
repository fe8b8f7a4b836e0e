import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, Role, type CallerIdentity } from '@sakip/contracts';
import { Roles } from './roles.decorator';
import { RolesGuard } from './roles.guard';

@Roles(Role.SuperAdmin, Role.Evaluator)
class ScoredController {
  list() {
    return [];
  }

  @Roles(Role.SuperAdmin)
  remove() {
    return null;
  }
}

class OpenController {
  ping() {
    return 'pong';
  }
}

const user = (role: Role): CallerIdentity => ({ sub: 'u1', role, opdId: null, actor: 'user:u1' });

function context(cls: new () => object, handler: string, caller?: CallerIdentity): ExecutionContext {
  const request = caller ? { user: caller } : {};
  return {
    getClass: () => cls,
    getHandler: () => (cls.prototype as Record<string, unknown>)[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function refusal(guard: RolesGuard, ctx: ExecutionContext): DomainError {
  try {
    guard.canActivate(ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected the guard to refuse');
}

describe('RolesGuard', () => {
  const guard = new RolesGuard(new Reflector());

  it('lets anyone through a route without @Roles, even unauthenticated', () => {
    expect(guard.canActivate(context(OpenController, 'ping'))).toBe(true);
  });

  it('uses the class roles when the handler has none', () => {
    expect(guard.canActivate(context(ScoredController, 'list', user(Role.Evaluator)))).toBe(true);
    expect(refusal(guard, context(ScoredController, 'list', user(Role.Viewer))).code).toBe(ErrorCode.Forbidden);
  });

  it('lets the handler roles override the class roles', () => {
    expect(guard.canActivate(context(ScoredController, 'remove', user(Role.SuperAdmin)))).toBe(true);
    expect(refusal(guard, context(ScoredController, 'remove', user(Role.Evaluator))).code).toBe(ErrorCode.Forbidden);
  });

  it('is UNAUTHENTICATED when a role is required and there is no user', () => {
    expect(refusal(guard, context(ScoredController, 'list')).code).toBe(ErrorCode.Unauthenticated);
  });

  it('reads roles through the reflector with the handler before the class', () => {
    const reflector = { getAllAndOverride: jest.fn().mockReturnValue([Role.Viewer]) } as unknown as Reflector;
    const ctx = context(ScoredController, 'remove', user(Role.Viewer));

    expect(new RolesGuard(reflector).canActivate(ctx)).toBe(true);
    expect(reflector.getAllAndOverride).toHaveBeenCalledWith('sakip:roles', [ScoredController.prototype.remove, ScoredController]);
  });

  it('treats an empty role list as no restriction', () => {
    const reflector = { getAllAndOverride: () => [] } as unknown as Reflector;
    expect(new RolesGuard(reflector).canActivate(context(OpenController, 'ping'))).toBe(true);
  });
});
