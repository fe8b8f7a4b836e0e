import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError, ErrorCode, type CallerIdentity } from '@sakip/contracts';
import { PUBLIC_KEY } from '@sakip/security';
import type { FastifyReply } from 'fastify';
import type { AuthedRequest } from '../http/request';
import { ApiKeyAuthenticator } from './api-key.authenticator';
import { RateLimitGuard } from '../rate-limit/rate-limit.guard';
import { RevocationCheck } from './revocation.check';
import { VerifiedTokenCache } from './verified-token-cache';

export const OPTIONAL_AUTH_KEY = 'sakip:optional-auth';
/** A credential is verified when sent, but not required. */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH_KEY, true);

export const BEFORE_PASSWORD_CHANGE_KEY = 'sakip:before-password-change';
/** Routes a user whose password an admin set may call before replacing it (API.md: new users must change their password). */
export const AllowedBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE_KEY, true);

const API_KEY_SCHEME = /^ApiKey\s+(\S{20,200})$/i;
const BEARER_SCHEME = /^Bearer\s+(\S+)$/i;

/**
 * Every route needs a credential unless marked @Public() or @OptionalAuth(): a Bearer access
 * token (verified locally by passport-jwt) or `ApiKey <key>` (verified by auth, cached briefly).
 * Either way a revoked user or key is refused at once.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly revocations: RevocationCheck,
    private readonly rateLimit: RateLimitGuard,
  ) {
    super();
  }

  override async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const authorization = req.headers.authorization;
    // Optional: anonymous callers pass (the route then needs another proof, e.g. an mfaToken).
    if (!authorization && this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH_KEY, targets)) return true;
    const apiKey = authorization ? API_KEY_SCHEME.exec(authorization) : null;
    const bearer = authorization ? BEARER_SCHEME.exec(authorization)?.[1] : undefined;
    const cached = bearer ? this.verified.get(bearer) : undefined;
    try {
      if (apiKey) {
        req.user = await this.apiKeys.authenticate(apiKey[1], String(req.id));
      } else if (cached) {
        req.user = cached;
      } else {
        await super.canActivate(ctx);
        if (bearer && req.user) this.verified.set(bearer, req.user);
      }
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.Unauthenticated) {
        await this.rateLimit.chargeFailedAuth(req, ctx.switchToHttp().getResponse<FastifyReply>());
      }
      throw err;
    }
    if (req.user) await this.revocations.assertNotRevoked(req.user);
    if (req.user?.passwordChangeRequired && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE_KEY, targets)) {
      throw new DomainError(ErrorCode.Forbidden, 'Change your password first (POST /api/v1/auth/password), then refresh your token', [{ field: 'password', message: 'change required' }]);
    }
    return true;
  }

  override handleRequest<T = CallerIdentity>(err: unknown, user: T | false, info: unknown): T {
    if (user) return user;
    if (err instanceof DomainError) throw err;
    const noToken = info instanceof Error && /No auth token/i.test(info.message);
    throw new DomainError(ErrorCode.Unauthenticated, noToken ? 'Authentication required' : 'Invalid or expired access token');
  }
}
