import type { NatsContext } from '@nestjs/microservices';
import { DomainError, ErrorCode, HEADER_IDENTITY, Role } from '@sakip/contracts';
import { callerFromContext } from './caller.decorator';

const ctxWith = (headers: Record<string, string> | undefined) =>
  ({ getHeaders: () => (headers ? { get: (k: string) => headers[k] ?? '' } : undefined) }) as unknown as NatsContext;

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return err as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('callerFromContext', () => {
  it('reads the identity header', () => {
    const identity = { sub: 'u1', role: Role.AdminOpd, opdId: 'opd-1', actor: 'user:u1' };

    expect(callerFromContext(ctxWith({ [HEADER_IDENTITY]: JSON.stringify(identity) }))).toEqual(identity);
  });

  it('defaults a missing opdId to null', () => {
    expect(callerFromContext(ctxWith({ [HEADER_IDENTITY]: JSON.stringify({ sub: 'u1', role: 'viewer', actor: 'user:u1' }) }))?.opdId).toBeNull();
  });

  it('is null for a service-to-service call without the header', () => {
    expect(callerFromContext(ctxWith({}))).toBeNull();
    expect(callerFromContext(ctxWith(undefined))).toBeNull();
  });

  it.each([
    ['not JSON', '{sub:'],
    ['JSON null', 'null'],
    ['no sub', JSON.stringify({ role: 'viewer' })],
    ['an unknown role', JSON.stringify({ sub: 'u1', role: 'root' })],
  ])('refuses a header that is %s as UNAUTHENTICATED', (_label, raw) => {
    expect(thrown(() => callerFromContext(ctxWith({ [HEADER_IDENTITY]: raw }))).code).toBe(ErrorCode.Unauthenticated);
  });
});
