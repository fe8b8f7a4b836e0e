import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { writeAudit } from '../audit/audit';

export interface PasswordReplacement {
  userId: string;
  passwordHash: string;
  /** The session that stays (change-password); null ends every session (reset). */
  keepSessionId: string | null;
  actor: string;
  ip?: string | null;
  operation: 'password_change' | 'password_reset';
}

@Injectable()
export class PasswordsRepository {
  constructor(private readonly ds: DataSource) {}

  /** New hash, flag cleared, and every session but `keepSessionId` revoked — one commit. */
  /** Returns the ids of the sessions it ended. */
  replace(userId: string, passwordHash: string, keepSessionId: string | null, actor: string): Promise<string[]> {
    return this.ds.transaction((tx) => replacePassword(tx, { userId, passwordHash, keepSessionId, actor, operation: 'password_change' }));
  }
}

/** The password replacement inside the caller's transaction (change and reset share it); returns the ended session ids. */
export async function replacePassword(tx: EntityManager, r: PasswordReplacement): Promise<string[]> {
  await tx.query(
    `UPDATE auth.users SET password_hash = $2, password_changed_at = now(), must_change_password = false,
            updated_at = now(), version = version + 1 WHERE id = $1`,
    [r.userId, r.passwordHash],
  );
  await tx.query(
    `UPDATE auth.refresh_tokens SET status = 'revoked'
      WHERE status = 'active' AND family_id IN (
        SELECT id FROM auth.session_families WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid)`,
    [r.userId, r.keepSessionId],
  );
  const [ended]: [Array<{ id: string }>, number] = await tx.query(
    `UPDATE auth.session_families SET revoked_at = now(), revoked_reason = 'password_changed'
      WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid RETURNING id`,
    [r.userId, r.keepSessionId],
  );
  await writeAudit(tx, { actor: r.actor, ip: r.ip ?? null, operation: r.operation, table: 'users', rowId: r.userId });
  return ended.map((row) => row.id);
}
