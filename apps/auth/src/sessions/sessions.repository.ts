import { Injectable } from '@nestjs/common';
import type { Page, SessionListQuery } from '@sakip/contracts';
import { pageRequest, paginate, uuidv7 } from '@sakip/persistence';
import { DataSource, IsNull } from 'typeorm';
import { writeAudit } from '../audit/audit';
import { RefreshTokenEntity, SessionFamilyEntity } from './session.entities';

const SESSION_SORTABLE = { lastUsedAt: 'f.last_used_at', createdAt: 'f.created_at', expiresAt: 'f.expires_at' };

export interface NewSession {
  userId: string;
  tokenHash: Buffer;
  expiresAt: Date;
  ip?: string;
  userAgent?: string;
}

export type RotateOutcome =
  | { kind: 'rotated'; familyId: string; userId: string }
  | { kind: 'reused'; familyId: string; userId: string }
  | { kind: 'invalid' };

@Injectable()
export class SessionsRepository {
  constructor(private readonly ds: DataSource) {}

  /** A login starts a new family with its first refresh token; the audit row rides in the same commit. */
  start(s: NewSession): Promise<string> {
    return this.ds.transaction(async (tx) => {
      const familyId = uuidv7();
      const now = new Date();
      await tx.insert(SessionFamilyEntity, {
        id: familyId,
        userId: s.userId,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: s.expiresAt,
        revokedAt: null,
        revokedReason: null,
        ip: s.ip ?? null,
        userAgent: s.userAgent ?? null,
      });
      await tx.insert(RefreshTokenEntity, { id: uuidv7(), familyId, tokenHash: s.tokenHash, status: 'active', createdAt: now, usedAt: null, expiresAt: s.expiresAt });
      await writeAudit(tx, { actor: `user:${s.userId}`, ip: s.ip, operation: 'login', table: 'session_families', rowId: familyId });
      return familyId;
    });
  }

  /**
   * Swaps a live refresh token for a new one atomically. The conditional UPDATE makes two racing
   * uses of the same token end with one winner; the loser — and any later use of a rotated token —
   * is reuse, which revokes the whole family (a stolen token then dies with the real one).
   */
  rotate(oldHash: Buffer, newHash: Buffer, ip?: string): Promise<RotateOutcome> {
    return this.ds.transaction(async (tx) => {
      // TypeORM returns [rows, affectedCount] for an UPDATE … RETURNING on PostgreSQL.
      const [rows]: [Array<{ family_id: string; user_id: string }>, number] = await tx.query(
        `UPDATE auth.refresh_tokens t SET status = 'rotated', used_at = now()
           FROM auth.session_families f
          WHERE t.token_hash = $1 AND t.status = 'active' AND t.expires_at > now()
            AND f.id = t.family_id AND f.revoked_at IS NULL AND f.expires_at > now()
          RETURNING t.family_id, f.user_id`,
        [oldHash],
      );
      const hit = rows[0];
      if (hit) {
        await tx.insert(RefreshTokenEntity, {
          id: uuidv7(),
          familyId: hit.family_id,
          tokenHash: newHash,
          status: 'active',
          createdAt: new Date(),
          usedAt: null,
          expiresAt: (await tx.findOneByOrFail(SessionFamilyEntity, { id: hit.family_id })).expiresAt,
        });
        await tx.update(SessionFamilyEntity, { id: hit.family_id }, { lastUsedAt: new Date(), ...(ip ? { ip } : {}) });
        return { kind: 'rotated', familyId: hit.family_id, userId: hit.user_id };
      }
      const known: Array<{ family_id: string; status: string; user_id: string }> = await tx.query(
        `SELECT t.family_id, t.status, f.user_id FROM auth.refresh_tokens t JOIN auth.session_families f ON f.id = t.family_id
          WHERE t.token_hash = $1`,
        [oldHash],
      );
      const row = known[0];
      if (row?.status === 'rotated') {
        await this.revokeFamilyIn(tx, row.family_id, 'refresh_token_reuse');
        await writeAudit(tx, { actor: `user:${row.user_id}`, ip, operation: 'refresh_reuse_detected', table: 'session_families', rowId: row.family_id });
        return { kind: 'reused', familyId: row.family_id, userId: row.user_id };
      }
      return { kind: 'invalid' };
    });
  }

  /** Logout: ends the family the token belongs to, whatever state the token is in. */
  revokeByToken(hash: Buffer, reason: string): Promise<string | null> {
    return this.ds.transaction(async (tx) => {
      const rows: Array<{ family_id: string; user_id: string }> = await tx.query(
        `SELECT t.family_id, f.user_id FROM auth.refresh_tokens t JOIN auth.session_families f ON f.id = t.family_id WHERE t.token_hash = $1`,
        [hash],
      );
      const row = rows[0];
      if (!row) return null;
      await this.revokeFamilyIn(tx, row.family_id, reason);
      await writeAudit(tx, { actor: `user:${row.user_id}`, operation: 'logout', table: 'session_families', rowId: row.family_id });
      return row.family_id;
    });
  }

  /** The user's live sessions, one page (newest use first by default). */
  pageActive<R>(userId: string, q: SessionListQuery, map: (f: SessionFamilyEntity) => R): Promise<Page<R>> {
    const qb = this.ds
      .getRepository(SessionFamilyEntity)
      .createQueryBuilder('f')
      .where('f.user_id = :userId AND f.revoked_at IS NULL AND f.expires_at > now()', { userId });
    return paginate(qb, pageRequest(q, SESSION_SORTABLE, '-lastUsedAt', 'f.id'), map);
  }

  /** Ends one of the user's sessions; false when it is not theirs or already ended. */
  endOwn(userId: string, familyId: string, actor: string): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const family = await tx.findOne(SessionFamilyEntity, { where: { id: familyId, userId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!family) return false;
      await this.revokeFamilyIn(tx, familyId, 'ended_by_user');
      await writeAudit(tx, { actor, operation: 'session_end', table: 'session_families', rowId: familyId });
      return true;
    });
  }

  findFamily(id: string): Promise<SessionFamilyEntity | null> {
    return this.ds.getRepository(SessionFamilyEntity).findOneBy({ id });
  }

  private async revokeFamilyIn(tx: import('typeorm').EntityManager, familyId: string, reason: string) {
    await tx.update(SessionFamilyEntity, { id: familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
    await tx.query(`UPDATE auth.refresh_tokens SET status = 'revoked' WHERE family_id = $1 AND status = 'active'`, [familyId]);
  }

  /** Failed logins are audited too (DOMAIN.md "Audit"); the e-mail is recorded, never the password. */
  async auditFailedLogin(email: string, ip?: string): Promise<void> {
    await this.ds.transaction((tx) => writeAudit(tx, { actor: 'anonymous', ip, operation: 'login_failed', table: 'users', newValues: { email } }));
  }
}
