import { Injectable } from '@nestjs/common';
import type { ApiKeyListQuery, Page } from '@sakip/contracts';
import { pageRequest, paginate } from '@sakip/persistence';
import { DataSource, IsNull } from 'typeorm';
import { writeAudit } from '../audit/audit';
import { ApiKeyEntity } from './api-key.entity';

/** lastUsedAt (and its audit row) is written at most once a minute per key: hot keys stay cheap. */
const LAST_USED_RESOLUTION_SEC = 60;

const KEY_SORTABLE = { createdAt: 'k.created_at', name: 'k.name', lastUsedAt: 'k.last_used_at', expiresAt: 'k.expires_at' };

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly ds: DataSource) {}

  create(k: ApiKeyEntity, actor: string): Promise<void> {
    return this.ds.transaction(async (tx) => {
      await tx.insert(ApiKeyEntity, k);
      await writeAudit(tx, { actor, operation: 'insert', table: 'api_keys', rowId: k.id, newValues: { name: k.name, prefix: k.prefix, scopes: k.scopes, opdId: k.opdId, expiresAt: k.expiresAt } });
    });
  }

  /** The user's keys (revoked ones too: the list shows when they ended), one page. */
  pageByUser<R>(userId: string, q: ApiKeyListQuery, map: (k: ApiKeyEntity) => R): Promise<Page<R>> {
    const qb = this.ds.getRepository(ApiKeyEntity).createQueryBuilder('k').where('k.user_id = :userId', { userId });
    return paginate(qb, pageRequest(q, KEY_SORTABLE, '-createdAt', 'k.id'), map);
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.ds.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  findByHash(hash: Buffer): Promise<ApiKeyEntity | null> {
    return this.ds.getRepository(ApiKeyEntity).findOneBy({ keyHash: hash });
  }

  /** False when already revoked. */
  revoke(id: string, actor: string): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const r = await tx.update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: new Date() });
      if (r.affected !== 1) return false;
      await writeAudit(tx, { actor, operation: 'revoke', table: 'api_keys', rowId: id });
      return true;
    });
  }

  /** Marks use (audited: DOMAIN.md "Audit"), throttled to once per minute per key. */
  async touch(id: string, ip?: string): Promise<void> {
    await this.ds.transaction(async (tx) => {
      const [, affected]: [unknown, number] = await tx.query(
        `UPDATE auth.api_keys SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
        [id, LAST_USED_RESOLUTION_SEC],
      );
      if (affected === 1) await writeAudit(tx, { actor: `apikey:${id}`, ip, operation: 'apikey_used', table: 'api_keys', rowId: id });
    });
  }
}
