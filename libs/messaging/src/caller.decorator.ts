import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { DomainError, ErrorCode, HEADER_IDENTITY, ROLES, type CallerIdentity } from '@sakip/contracts';

/** Reads the caller identity header of an RPC; null when the call is made by a service, not a user. */
export function callerFromContext(ctx: NatsContext): CallerIdentity | null {
  const raw = ctx.getHeaders()?.get(HEADER_IDENTITY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as CallerIdentity;
    if (typeof parsed.sub !== 'string' || !ROLES.includes(parsed.role)) throw new Error('bad identity');
    return { ...parsed, opdId: parsed.opdId ?? null };
  } catch {
    throw new DomainError(ErrorCode.Unauthenticated, 'Malformed caller identity');
  }
}

export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CallerIdentity | null =>
  callerFromContext(ctx.switchToRpc().getContext<NatsContext>()),
);
