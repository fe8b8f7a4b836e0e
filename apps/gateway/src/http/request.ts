import type { CallerIdentity } from '@sakip/contracts';
import type { RpcCallOptions } from '@sakip/messaging';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';

export type AuthedRequest = FastifyRequest & { user?: CallerIdentity };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echo a client's X-Request-Id when it is sane; otherwise mint one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/**
 * What every forwarded call carries: the request id, the caller (with client IP) when signed in,
 * and the route's own timeout when it declares one with `@RpcTimeout(ms)`.
 */
export function rpcOptions(req: AuthedRequest): RpcCallOptions {
  const timeoutMs = (req.routeOptions?.config as { rpcTimeoutMs?: number } | undefined)?.rpcTimeoutMs;
  return { requestId: String(req.id), identity: req.user ? { ...req.user, ip: req.ip } : null, ...(timeoutMs ? { timeoutMs } : {}) };
}

export function userAgentOf(req: FastifyRequest): string | undefined {
  const ua = req.headers['user-agent'];
  return typeof ua === 'string' ? ua.slice(0, 512) : undefined;
}
