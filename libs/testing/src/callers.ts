import { type CallerIdentity, type Role } from '@sakip/contracts';
import { randomUUID } from 'node:crypto';

/** A caller of `role` (a fresh user id), bound to `opdId` where the role allows one, as the gateway sends it. */
export function callerAs(role: Role, opdId: string | null = null, extra: Partial<CallerIdentity> = {}): CallerIdentity {
  const sub = randomUUID();
  return { sub, role, opdId, actor: `user:${sub}`, ip: '203.0.113.9', ...extra };
}

/** An API key of a `role` creator narrowed to `scopes`. */
export function apiKeyAs(role: Role, opdId: string | null, scopes: string[]): CallerIdentity {
  const id = randomUUID();
  return { sub: randomUUID(), role, opdId, actor: `apikey:${id}`, scopes, ip: '203.0.113.10' };
}

/** Resolves to the DomainError code an RPC failed with (fails the test if it succeeded). */
export async function errorCodeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as { code?: string }).code ?? 'NO_CODE';
  }
  throw new Error('expected the call to fail');
}
