import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { rateLimited } from '@sakip/contracts';
import { LOGGER, type Logger } from '@sakip/observability';
import type { FastifyReply } from 'fastify';
import { GATEWAY_CONFIG, type GatewayConfig } from '../gateway.config';
import type { AuthedRequest } from '../http/request';
import { GatewayRedis } from '../redis.provider';
import { RATE_LIMIT_CLASS } from './rate-limit.decorators';
import { SlidingWindowLimiter } from './sliding-window';

const MINUTE = 60_000;
/** Kubelet probes and Prometheus scrapes are never limited. */
const PROBES = /^\/(health\/|metrics$)/;
const HOUR = 3_600_000;

interface Budget {
  key: string;
  limit: number;
  windowMs: number;
}

/**
 * API.md "Rate limits": every request counts against exactly one budget — API key 1000/hour,
 * signed-in user 100/min, anonymous 100/min per IP, auth endpoints 20/min per IP. Headers go on
 * every limited response; 429 carries Retry-After. Redis unavailable → the request passes
 * (availability over strictness) and the failure is logged.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiter: SlidingWindowLimiter;

  constructor(
    private readonly reflector: Reflector,
    redis: GatewayRedis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.limiter = new SlidingWindowLimiter(redis.client);
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const klass = this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_CLASS, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    if (klass === 'none' || PROBES.test(req.routeOptions?.url ?? '')) return true;
    await this.spend(this.budgetFor(klass, req), ctx.switchToHttp().getResponse<FastifyReply>());
    return true;
  }

  /**
   * A request whose credential failed counts against its IP's anonymous budget, so forged tokens
   * and guessed API keys cannot flood auth past every limit. Throws 429 once that budget is spent.
   */
  chargeFailedAuth(req: AuthedRequest, reply: FastifyReply): Promise<void> {
    return this.spend(this.anonymous(req), reply);
  }

  /** Counts one request against `budget`, sets the RateLimit-* headers, throws 429 when spent. */
  private async spend(budget: Budget, reply: FastifyReply): Promise<void> {
    let result;
    try {
      result = await this.limiter.hit(`rl:${budget.key}`, budget.limit, budget.windowMs);
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'rate limiter unavailable; request allowed');
      return;
    }
    reply.header('RateLimit-Limit', String(result.limit));
    reply.header('RateLimit-Remaining', String(result.remaining));
    reply.header('RateLimit-Reset', String(result.resetSec));
    if (!result.allowed) throw rateLimited('Too many requests; slow down', result.resetSec);
  }

  private anonymous(req: AuthedRequest): Budget {
    return { key: `ip:${req.ip}`, limit: this.config.RATE_LIMIT_GENERAL_PER_MIN, windowMs: MINUTE };
  }

  private budgetFor(klass: string | undefined, req: AuthedRequest): Budget {
    const c = this.config;
    // An mfaToken in the body means a sign-in in progress, not a signed-in user.
    const mfaInProgress = !req.user && typeof (req.body as { mfaToken?: unknown } | undefined)?.mfaToken === 'string';
    if (klass === 'auth' || mfaInProgress) return { key: `auth:ip:${req.ip}`, limit: c.RATE_LIMIT_AUTH_PER_MIN, windowMs: MINUTE };
    const user = req.user;
    if (user?.actor.startsWith('apikey:')) return { key: `key:${user.actor.slice(7)}`, limit: c.RATE_LIMIT_API_KEY_PER_HOUR, windowMs: HOUR };
    if (user) return { key: `user:${user.sub}`, limit: c.RATE_LIMIT_GENERAL_PER_MIN, windowMs: MINUTE };
    return this.anonymous(req);
  }
}
