import { Injectable } from '@nestjs/common';
import { assertVersion, conflict, type Page, type UserListQuery, type UserView } from '@sakip/contracts';
import { isUniqueViolation, pageRequest, paginate } from '@sakip/persistence';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { writeAudit, type AuditInput } from '../audit/audit';
import { SessionFamilyEntity } from '../sessions/session.entities';
import { enqueueUserCreated, enqueueUserDeactivated, enqueueUserUpdated } from './user-events';
import { toUserView, UserEntity } from './user.entity';

const SORTABLE = { email: 'u.email', name: 'u.name', role: 'u.role', createdAt: 'u.created_at', updatedAt: 'u.updated_at' };

type AuditOf = Omit<AuditInput, 'table' | 'rowId' | 'operation' | 'oldValues' | 'newValues'>;

@Injectable()
export class UsersRepository {
  constructor(private readonly ds: DataSource) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  async create(user: UserEntity, audit: AuditOf): Promise<UserEntity> {
    try {
      return await this.ds.transaction(async (tx) => {
        await tx.insert(UserEntity, user);
        await writeAudit(tx, { ...audit, operation: 'insert', table: 'users', rowId: user.id, newValues: { ...user } });
        await enqueueUserCreated(tx, user);
        return user;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('A user with this e-mail already exists', [{ field: 'email', message: 'already in use' }]);
      throw err;
    }
  }

  query(q: UserListQuery): Promise<Page<UserView>> {
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u');
    if (q.role) qb.andWhere('u.role = :role', { role: q.role });
    if (q.opdId) qb.andWhere('u.opd_id = :opdId', { opdId: q.opdId });
    if (q.email) qb.andWhere('lower(u.email) = lower(:email)', { email: q.email });
    if (q.isActive !== undefined) qb.andWhere('u.is_active = :active', { active: q.isActive });
    if (q.q) qb.andWhere(`(u.name ILIKE :like ESCAPE '\\' OR u.email ILIKE :like ESCAPE '\\')`, { like: `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return paginate(qb, pageRequest(q, SORTABLE, 'email', 'u.id'), toUserView);
  }

  /** Applies `patch` and bumps `version` in one transaction with its audit row; null when the user is gone. */
  update(id: string, patch: Partial<Pick<UserEntity, 'name' | 'role' | 'opdId'>>, audit: AuditOf, expectedVersion?: number, revokeAccess = false): Promise<UserEntity | null> {
    return this.ds.transaction(async (tx) => {
      const before = await tx.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) return null;
      assertVersion(expectedVersion, before.version);
      // A DTO instance declares every optional field (undefined when absent): only given values change anything.
      const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as typeof patch;
      const after: UserEntity = { ...before, ...given, updatedAt: new Date(), version: before.version + 1 };
      await tx.update(UserEntity, { id }, { ...given, updatedAt: after.updatedAt, version: after.version });
      await writeAudit(tx, { ...audit, operation: 'update', table: 'users', rowId: id, oldValues: pick(before, given), newValues: pick(after, given) });
      await enqueueUserUpdated(tx, before, after);
      if (revokeAccess) {
        // Sessions and keys were issued for the old role/OPD: they end with this commit.
        await revokeAllAccess(tx, id, 'access_changed');
      }
      return after;
    });
  }

  /** Deactivates and revokes every session in one transaction; history is kept. */
  deactivate(id: string, audit: AuditOf): Promise<UserEntity | null> {
    return this.ds.transaction(async (tx) => {
      const before = await tx.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!before) return null;
      if (!before.isActive) return before;
      const now = new Date();
      await tx.update(UserEntity, { id }, { isActive: false, deactivatedAt: now, updatedAt: now, version: before.version + 1 });
      await revokeAllAccess(tx, id, 'user_deactivated');
      await writeAudit(tx, { ...audit, operation: 'deactivate', table: 'users', rowId: id, oldValues: { isActive: true }, newValues: { isActive: false } });
      const after = { ...before, isActive: false, deactivatedAt: now, updatedAt: now, version: before.version + 1 };
      await enqueueUserDeactivated(tx, after);
      return after;
    });
  }

  count(): Promise<number> {
    return this.ds.getRepository(UserEntity).count();
  }

  /** Keyset page in id order for the snapshot RPC: rows after `afterId` (null = from the start). */
  pageById(afterId: string | null, limit: number): Promise<UserEntity[]> {
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u').orderBy('u.id', 'ASC').limit(limit);
    if (afterId) qb.where('u.id > :afterId', { afterId });
    return qb.getMany();
  }
}

function pick(u: UserEntity, keys: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(keys)) out[k] = u[k as keyof UserEntity];
  return out;
}

/** Every session and API key of the user ends in the caller's transaction. */
async function revokeAllAccess(tx: EntityManager, userId: string, reason: string): Promise<void> {
  await revokeAllSessions(tx, userId, reason);
  await tx.query(`UPDATE auth.api_keys SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
}

export async function revokeAllSessions(tx: EntityManager, userId: string, reason: string): Promise<void> {
  await tx.query(
    `UPDATE auth.refresh_tokens SET status = 'revoked'
      WHERE status = 'active' AND family_id IN (SELECT id FROM auth.session_families WHERE user_id = $1)`,
    [userId],
  );
  await tx.update(SessionFamilyEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
}
