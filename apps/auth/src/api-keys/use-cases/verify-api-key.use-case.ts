import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, unauthenticated, type CallerIdentity } from '@sakip/contracts';
import { UsersRepository } from '../../users/users.repository';
import { hashApiKey } from '../api-key-secret';
import { ApiKeysRepository } from '../api-keys.repository';

export const INVALID_API_KEY = 'Invalid API key';

/** Turns a presented key into the identity it acts as: its creator's role, narrowed to its scopes and OPD. */
@Injectable()
export class VerifyApiKey {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly users: UsersRepository,
  ) {}

  async execute(caller: CallerIdentity | null, key: string, ip?: string): Promise<CallerIdentity & { expiresAt: string | null }> {
    // Only the gateway (a service, no user identity) asks this.
    if (caller) throw new DomainError(ErrorCode.Forbidden, 'Service-only call');
    const row = await this.keys.findByHash(hashApiKey(key));
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) throw unauthenticated(INVALID_API_KEY);
    const user = await this.users.findById(row.userId);
    if (!user?.isActive) throw unauthenticated(INVALID_API_KEY);
    await this.keys.touch(row.id, ip);
    return { sub: user.id, role: user.role, opdId: row.opdId ?? user.opdId, actor: `apikey:${row.id}`, scopes: row.scopes, expiresAt: row.expiresAt?.toISOString() ?? null };
  }
}
