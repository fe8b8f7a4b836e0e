import { Injectable } from '@nestjs/common';
import {
  forbidden,
  notFound,
  Role,
  SCOPES_BY_ROLE,
  unauthenticated,
  validationFailed,
  type ApiKeyView,
  type ApiKeyListQuery,
  type CallerIdentity,
  type CreateApiKeyRequest,
  type CreatedApiKey,
  type Page,
} from '@sakip/contracts';
import { uuidv7 } from '@sakip/persistence';
import { Revocations } from '../../redis/revocations';
import { OpdDirectory } from '../../opds/opd-directory';
import { UsersRepository } from '../../users/users.repository';
import { newApiKey } from '../api-key-secret';
import { toApiKeyView, type ApiKeyEntity } from '../api-key.entity';
import { ApiKeysRepository } from '../api-keys.repository';

/** Integrators' keys (DOMAIN.md "API keys"); every signed-in user manages their own. */
@Injectable()
export class ManageApiKeys {
  constructor(
    private readonly keys: ApiKeysRepository,
    private readonly users: UsersRepository,
    private readonly revocations: Revocations,
    private readonly opds: OpdDirectory,
  ) {}

  async create(caller: CallerIdentity | null, req: CreateApiKeyRequest): Promise<CreatedApiKey> {
    const { user: creator, actor } = await this.creator(caller);
    const allowed = SCOPES_BY_ROLE[creator.role];
    const refused = req.scopes.filter((s) => !allowed.includes(s));
    if (refused.length) throw validationFailed('Scopes not available to your role', refused.map((s) => ({ field: 'scopes', message: `${s} is not available to ${creator.role}` })));
    const opdId = this.opdFor(creator, req.opdId);
    await this.opds.assertKnown(opdId);
    const expiresAt = req.expiresAt ? new Date(req.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now()) throw validationFailed('expiresAt must be in the future', [{ field: 'expiresAt', message: 'must be in the future' }]);
    const { key, prefix, hash } = newApiKey();
    const row: ApiKeyEntity = { id: uuidv7(), userId: creator.id, name: req.name, prefix, keyHash: hash, scopes: req.scopes, opdId, expiresAt, lastUsedAt: null, revokedAt: null, createdAt: new Date() };
    await this.keys.create(row, actor);
    return { ...toApiKeyView(row), key };
  }

  async list(caller: CallerIdentity | null, q: ApiKeyListQuery): Promise<Page<ApiKeyView>> {
    const { user: creator } = await this.creator(caller);
    return this.keys.pageByUser(creator.id, q, toApiKeyView);
  }

  /** Own keys; super_admin may revoke anyone's. Another user's key looks unknown (404). */
  async revoke(caller: CallerIdentity | null, id: string): Promise<void> {
    const { user: creator, actor } = await this.creator(caller);
    const key = await this.keys.findById(id);
    if (!key || (key.userId !== creator.id && creator.role !== Role.SuperAdmin)) throw notFound('API key');
    if (await this.keys.revoke(id, actor)) await this.revocations.revokeApiKey(id);
  }

  /** Keys are managed by people, not by other keys. */
  private async creator(caller: CallerIdentity | null) {
    if (!caller) throw unauthenticated('Authentication required');
    if (caller.actor.startsWith('apikey:')) throw forbidden('API keys cannot manage API keys');
    const user = await this.users.findById(caller.sub);
    if (!user?.isActive) throw unauthenticated('Authentication required');
    return { user, actor: caller.actor };
  }

  /** Bound to the creator's OPD when they have one; only super_admin makes keys without an OPD. */
  private opdFor(creator: { role: Role; opdId: string | null }, requested: string | null | undefined): string | null {
    if (creator.opdId) {
      if (requested && requested !== creator.opdId) throw validationFailed('A key is bound to your own OPD', [{ field: 'opdId', message: 'must be your OPD' }]);
      return creator.opdId;
    }
    if (!requested && creator.role !== Role.SuperAdmin) throw validationFailed('opdId is required', [{ field: 'opdId', message: 'only super_admin creates keys without an OPD' }]);
    return requested ?? null;
  }
}
